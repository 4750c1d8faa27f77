#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "speech/limiter.h"
#include "speech/loudness.h"

#define PI 3.14159265358979323846

static void assert_near(double got, double want, double tolerance)
{
    if (!(fabs(got - want) <= tolerance))
        fail_msg("got %.6f, want %.6f +- %.6f", got, want, tolerance);
}

/* Runs `n` frames through a new limiter `chunk` frames at a time, then
 * flushes it `flush_cap` frames at a time; returns the output (n frames,
 * checked). */
static float *run(unsigned rate, unsigned channels, double gain_db, double ceiling, const float *in,
                  size_t n, size_t chunk, size_t flush_cap)
{
    struct nb_limiter *l;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_limiter_new(&l, rate, channels, gain_db, ceiling, &err), NB_OK);
    size_t latency = nb_limiter_latency(l);
    float *out = malloc((n + flush_cap + 1) * channels * sizeof(*out));
    assert_non_null(out);
    size_t got = 0;
    for (size_t i = 0; i < n; i += chunk) {
        size_t k = n - i < chunk ? n - i : chunk;
        size_t made = SIZE_MAX;
        assert_int_equal(nb_limiter_process(l, in + i * channels, k, out + got * channels, &made),
                         NB_OK);
        assert_true(made <= k);
        got += made;
        /* nothing comes out before the latency, then one frame per frame */
        size_t want = i + k > latency ? i + k - latency : 0;
        assert_int_equal(got, want);
    }
    for (;;) {
        size_t made = SIZE_MAX;
        assert_int_equal(nb_limiter_flush(l, out + got * channels, flush_cap, &made), NB_OK);
        assert_true(made <= flush_cap);
        got += made;
        assert_true(got <= n);
        if (made < flush_cap)
            break;
    }
    assert_int_equal(got, n);
    nb_limiter_free(l);
    return out;
}

static float *sine(unsigned rate, unsigned channels, size_t n, double freq, double amp,
                   double phase)
{
    float *s = malloc(n * channels * sizeof(*s));
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        for (unsigned c = 0; c < channels; c++)
            s[i * channels + c] = (float)(amp * sin(2.0 * PI * freq * (double)i / rate + phase));
    return s;
}

static uint64_t lcg(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return *seed >> 11;
}

/* Speech-like: noise bursts of random level (-30 to 0 dBFS envelope) and
 * brightness, with pauses and sharp onsets. */
static float *bursts(unsigned rate, unsigned channels, size_t n, uint64_t seed)
{
    float *s = malloc(n * channels * sizeof(*s));
    assert_non_null(s);
    double level = 0.0, target = 0.0, low = 0.0, bright = 0.5;
    for (size_t i = 0; i < n; i++) {
        if (i % (rate / 8) == 0) {
            double u = (double)(lcg(&seed) % 1000) / 1000.0;
            target = u > 0.25 ? pow(10.0, (u * 30.0 - 30.0) / 20.0) : 0.0;
            bright = 0.2 + 0.8 * (double)(lcg(&seed) % 1000) / 1000.0;
            if (lcg(&seed) % 4 == 0)
                level = target; /* a sharp onset */
        }
        level += (target - level) * 0.002;
        double white = (double)(lcg(&seed) % 2001) / 1000.0 - 1.0;
        low = (1.0 - bright) * low + bright * white;
        for (unsigned c = 0; c < channels; c++)
            s[i * channels + c] = (float)(level * low * (c ? -0.8 : 1.0));
    }
    return s;
}

/* The true peak, in dBTP, that the loudness meter (libebur128) reads. */
static double true_peak(const float *s, unsigned rate, unsigned channels, size_t n)
{
    struct nb_loudness_meter *m;
    assert_int_equal(nb_loudness_meter_new(&m, rate, channels, NULL), NB_OK);
    assert_int_equal(nb_loudness_meter_add_float(m, s, n, NULL), NB_OK);
    double peak;
    assert_int_equal(nb_loudness_meter_result(m, NULL, &peak, NULL), NB_OK);
    nb_loudness_meter_free(m);
    return peak;
}

static double sample_peak(const float *s, size_t nsamples)
{
    double peak = 0.0;
    for (size_t i = 0; i < nsamples; i++)
        if (fabs(s[i]) > peak)
            peak = fabs(s[i]);
    return peak;
}

static void test_latency(void **state)
{
    (void)state;
    struct nb_limiter *l;
    assert_int_equal(nb_limiter_new(&l, 48000, 2, 0.0, -1.0, NULL), NB_OK);
    /* 3 ms of attack, 8 frames of hold, 6 of interpolator, less one */
    assert_int_equal(nb_limiter_latency(l), 144 + 8 + 6 - 1);
    nb_limiter_free(l);
    assert_int_equal(nb_limiter_new(&l, 22050, 1, 0.0, -1.0, NULL), NB_OK);
    assert_int_equal(nb_limiter_latency(l), 66 + 8 + 6 - 1);
    nb_limiter_free(l);
    nb_limiter_free(NULL);
}

/* Under the ceiling: exactly the gain, sample for sample, only later. */
static void test_quiet_passes_with_the_gain(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    const size_t n = 2 * rate;
    const double gain_db = 6.0;
    float *in = bursts(rate, 2, n, 7);
    for (size_t i = 0; i < 2 * n; i++)
        in[i] *= 0.25f; /* peaks at -12 dBFS: -6 after the gain */
    assert_true(true_peak(in, rate, 2, n) < -11.0);
    float *out = run(rate, 2, gain_db, -1.0, in, n, 4096, 4096);
    double g = pow(10.0, gain_db / 20.0);
    for (size_t i = 0; i < 2 * n; i++)
        if (out[i] != (float)(in[i] * g))
            fail_msg("sample %zu: %.9g, not %.9g", i, out[i], (float)(in[i] * g));
    free(out);

    /* and a cut, with no ceiling to speak of */
    out = run(rate, 2, -10.0, 0.0, in, n, 1000, 1000);
    g = pow(10.0, -10.0 / 20.0);
    for (size_t i = 0; i < 2 * n; i++)
        assert_true(out[i] == (float)(in[i] * g));
    free(out);
    free(in);
}

/* A 997 Hz sine at -6 dBFS with +12 dB of gain (+6 dBFS): limited to the
 * ceiling less the margin, smoothly, never clipped. */
static void test_loud_sine_is_limited(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    const size_t n = 2 * rate;
    float *in = sine(rate, 1, n, 997.0, 0.5, 0.0);
    float *out = run(rate, 1, 12.0, -1.0, in, n, 1024, 1024);
    double tp = true_peak(out, rate, 1, n);
    assert_true(tp <= -1.0);
    assert_true(tp >= -1.0 - NB_LIMITER_MARGIN_DB - 0.1); /* not much lower */
    /* after the attack the sine is scaled, not squared off: every sample is
     * the gained input times one steady gain */
    double g = pow(10.0, 12.0 / 20.0);
    double steady = out[rate / 2 + 12] / (in[rate / 2 + 12] * g);
    assert_true(steady < 0.5 && steady > 0.4);
    for (size_t i = rate / 2; i < n - rate / 10; i++)
        if (fabs(in[i]) > 0.05)
            assert_near(out[i] / (in[i] * g), steady, 1e-5);
    free(out);
    free(in);
}

/* A sine at a quarter of the rate, 45 degrees out of phase: its samples
 * stay at -4 dBFS while it peaks at -1 dBTP between them.  The ceiling
 * holds for the true peak, not just the samples. */
static void test_peaks_between_samples(void **state)
{
    (void)state;
    const unsigned rates[] = {44100, 48000};
    for (size_t r = 0; r < 2; r++) {
        const size_t n = rates[r];
        float *in = sine(rates[r], 1, n, rates[r] / 4.0, 1.0, PI / 4.0);
        assert_near(sample_peak(in, n), sqrt(0.5), 1e-6);
        float *out = run(rates[r], 1, 2.0, -1.0, in, n, 333, 100);
        assert_true(true_peak(out, rates[r], 1, n) <= -1.0);
        free(out);
        free(in);
    }
}

/* Bursts of noise with +20 dB of gain, mono and stereo, at each output
 * rate and ceiling: the true peak stays under the ceiling. */
static void test_bursts_stay_under_the_ceiling(void **state)
{
    (void)state;
    const unsigned rates[] = {22050, 44100, 48000};
    const double ceilings[] = {-1.0, -2.0};
    for (size_t r = 0; r < 3; r++) {
        for (unsigned ch = 1; ch <= 2; ch++) {
            for (size_t c = 0; c < 2; c++) {
                const size_t n = (size_t)rates[r] * 10;
                float *in = bursts(rates[r], ch, n, 1000 + r * 10 + ch);
                assert_true(true_peak(in, rates[r], ch, n) > -6.0);
                float *out = run(rates[r], ch, 20.0, ceilings[c], in, n, 4800, 4800);
                double tp = true_peak(out, rates[r], ch, n);
                if (!(tp <= ceilings[c]))
                    fail_msg("%u Hz, %u channels: %.3f dBTP over %.1f", rates[r], ch, tp,
                             ceilings[c]);
                assert_true(sample_peak(out, n * ch) < 1.0);
                free(out);
                free(in);
            }
        }
    }
}

/* The gain moves smoothly: a step of level (a constant, whose every sample
 * is its own peak) is met by a linear ramp over the attack time, with no
 * jump, and a release that rises slowly. */
static void test_gain_is_smooth(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    const size_t n = rate;
    float *in = malloc(n * sizeof(*in));
    assert_non_null(in);
    for (size_t i = 0; i < n; i++)
        in[i] = i >= rate / 2 && i < rate / 2 + rate / 10 ? 1.0f : 0.25f;
    float *out = run(rate, 1, 0.0, -1.0, in, n, 512, 512);
    const size_t attack = 144;
    double least = 1.0;
    for (size_t i = 1; i < n; i++) {
        double g0 = out[i - 1] / in[i - 1], g1 = out[i] / in[i];
        if (g1 < least)
            least = g1;
        /* down at most (1 - 0.8) / attack a frame, up much more slowly */
        assert_true(g1 - g0 > -0.2 / attack - 1e-6);
        assert_true(g1 - g0 < 0.002);
    }
    /* before the step, the gain is 1 until the attack starts */
    assert_true(out[rate / 2 - attack - 20] == in[rate / 2 - attack - 20]);
    assert_true(out[rate / 2 - 10] < in[rate / 2 - 10]);
    assert_true(least * 1.0 < pow(10.0, -1.0 / 20.0));
    /* -1.1 dB, less the step's own overshoot between samples (0.8 dB) */
    assert_true(least > pow(10.0, -2.0 / 20.0));
    free(out);
    free(in);
}

/* Stereo is linked: both channels get the same gain. */
static void test_stereo_is_linked(void **state)
{
    (void)state;
    const unsigned rate = 44100;
    const size_t n = 5 * rate;
    float *mono = bursts(rate, 1, n, 99);
    float *in = malloc(2 * n * sizeof(*in));
    assert_non_null(in);
    for (size_t i = 0; i < n; i++) {
        in[2 * i] = mono[i];
        in[2 * i + 1] = mono[i] * 0.125f; /* quiet, exactly an eighth */
    }
    float *out = run(rate, 2, 24.0, -1.0, in, n, 100, 100);
    int limited = 0;
    double g = pow(10.0, 24.0 / 20.0);
    for (size_t i = 0; i < n; i++) {
        assert_true(out[2 * i + 1] == out[2 * i] * 0.125f);
        if (fabs(out[2 * i + 1]) < 0.5 * fabs(in[2 * i + 1] * g))
            limited = 1;
    }
    assert_true(limited); /* the quiet channel was turned down with the loud one */
    assert_true(true_peak(out, rate, 2, n) <= -1.0);
    free(out);
    free(in);
    free(mono);
}

/* How the input is cut into calls, and how the flush is taken, change
 * nothing. */
static void test_chunks_do_not_matter(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    const size_t n = rate / 2;
    float *in = bursts(rate, 2, n, 5);
    float *whole = run(rate, 2, 18.0, -1.0, in, n, n, 1 << 20);
    float *ones = run(rate, 2, 18.0, -1.0, in, n, 1, 1);
    float *sevens = run(rate, 2, 18.0, -1.0, in, n, 7, 3);
    assert_memory_equal(whole, ones, n * 2 * sizeof(float));
    assert_memory_equal(whole, sevens, n * 2 * sizeof(float));

    /* in place, as well */
    float *buf = malloc(n * 2 * sizeof(*buf));
    assert_non_null(buf);
    memcpy(buf, in, n * 2 * sizeof(*buf));
    struct nb_limiter *l;
    assert_int_equal(nb_limiter_new(&l, rate, 2, 18.0, -1.0, NULL), NB_OK);
    size_t got = 0, made;
    for (size_t i = 0; i < n; i += 1000) {
        size_t k = n - i < 1000 ? n - i : 1000;
        assert_int_equal(nb_limiter_process(l, buf + i * 2, k, buf + got * 2, &made), NB_OK);
        got += made;
    }
    assert_int_equal(nb_limiter_flush(l, buf + got * 2, n - got, &made), NB_OK);
    assert_int_equal(got + made, n);
    assert_memory_equal(whole, buf, n * 2 * sizeof(float));
    nb_limiter_free(l);
    free(buf);
    free(whole);
    free(ones);
    free(sevens);
    free(in);
}

/* Shorter than the latency, and nothing at all: as many frames out as in. */
static void test_short_input(void **state)
{
    (void)state;
    float in[10] = {0.1f, -0.2f, 0.3f, 0.9f, -0.9f, 0.5f, 0.0f, 0.2f, 0.1f, 0.05f};
    float *out = run(48000, 1, 0.0, -1.0, in, 10, 4, 1);
    assert_true(out[0] > 0.0f && out[0] < in[0]); /* already ramping down */
    assert_true(fabsf(out[3]) < 0.9f);            /* limited */
    free(out);
    out = run(48000, 2, 0.0, -1.0, in, 5, 5, 16);
    free(out);

    struct nb_limiter *l;
    assert_int_equal(nb_limiter_new(&l, 48000, 1, 0.0, -1.0, NULL), NB_OK);
    size_t made = 1;
    assert_int_equal(nb_limiter_process(l, NULL, 0, NULL, &made), NB_OK);
    assert_int_equal(made, 0);
    float buf[4];
    assert_int_equal(nb_limiter_flush(l, buf, 4, &made), NB_OK);
    assert_int_equal(made, 0);
    /* no more input after the flush */
    assert_int_equal(nb_limiter_process(l, in, 1, buf, &made), NB_EINTERNAL);
    assert_int_equal(made, 0);
    nb_limiter_free(l);
}

/* Silence stays silence; full-scale square waves with a huge gain come out
 * inside +-1 and under the ceiling. */
static void test_extremes(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    const size_t n = rate / 4;
    float *in = calloc(n * 2, sizeof(*in));
    assert_non_null(in);
    float *out = run(rate, 2, 60.0, -1.0, in, n, 1000, 1000);
    for (size_t i = 0; i < 2 * n; i++)
        assert_true(out[i] == 0.0f);
    free(out);
    for (size_t i = 0; i < n; i++)
        in[2 * i] = in[2 * i + 1] = (i / 24) % 2 ? 1.0f : -1.0f;
    out = run(rate, 2, 60.0, -0.0, in, n, 1000, 1000);
    assert_true(sample_peak(out, 2 * n) < 1.0);
    assert_true(true_peak(out, rate, 2, n) <= 0.0);
    free(out);

    /* NaN and infinities are silence */
    in[100] = NAN;
    in[201] = INFINITY;
    in[302] = -INFINITY;
    out = run(rate, 2, 0.0, -1.0, in, n, 1000, 1000);
    for (size_t i = 0; i < 2 * n; i++)
        assert_true(isfinite(out[i]) && fabsf(out[i]) < 1.0f);
    assert_true(out[100] == 0.0f && out[201] == 0.0f && out[302] == 0.0f);
    free(out);
    free(in);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    struct nb_limiter *l = (struct nb_limiter *)&l;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_limiter_new(&l, 48000, 3, 0.0, -1.0, &err), NB_EINTERNAL);
    assert_null(l);
    assert_string_equal(err.message, "limiter: 3 channels is not supported (1 or 2)");
    assert_int_equal(nb_limiter_new(&l, 4000, 1, 0.0, -1.0, &err), NB_EINTERNAL);
    assert_string_equal(err.message,
                        "limiter: a rate of 4000 Hz is not supported (8000 to 384000)");
    assert_int_equal(nb_limiter_new(&l, 48000, 1, NAN, -1.0, &err), NB_EINTERNAL);
    assert_int_equal(nb_limiter_new(&l, 48000, 1, 61.0, -1.0, &err), NB_EINTERNAL);
    assert_string_equal(err.message, "limiter: a gain of 61 dB is out of range");
    assert_int_equal(nb_limiter_new(&l, 48000, 1, 0.0, 0.5, &err), NB_EINTERNAL);
    assert_string_equal(err.message, "limiter: a ceiling of 0.5 dBTP is out of range");
    assert_int_equal(nb_limiter_new(&l, 48000, 1, 0.0, -31.0, NULL), NB_EINTERNAL);
    assert_null(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_latency),
        cmocka_unit_test(test_quiet_passes_with_the_gain),
        cmocka_unit_test(test_loud_sine_is_limited),
        cmocka_unit_test(test_peaks_between_samples),
        cmocka_unit_test(test_bursts_stay_under_the_ceiling),
        cmocka_unit_test(test_gain_is_smooth),
        cmocka_unit_test(test_stereo_is_linked),
        cmocka_unit_test(test_chunks_do_not_matter),
        cmocka_unit_test(test_short_input),
        cmocka_unit_test(test_extremes),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
