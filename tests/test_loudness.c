#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "speech/loudness.h"

#include <ebur128.h>

#define PI 3.14159265358979323846

static void assert_near(double got, double want, double tolerance)
{
    if (!(fabs(got - want) <= tolerance))
        fail_msg("got %.4f, want %.4f +- %.4f", got, want, tolerance);
}

static void check_preset(const char *s, int off, double lufs, double ceiling, const char *name)
{
    struct nb_loudness_target t;
    struct nb_error err;
    nb_error_init(&err);
    memset(&t, 0, sizeof(t));
    assert_int_equal(nb_loudness_target_parse(s, &t, &err), NB_OK);
    assert_int_equal(t.off, off);
    assert_true(t.lufs == lufs);
    assert_true(t.ceiling_dbtp == ceiling);
    assert_string_equal(t.name, name);
}

static void test_parse_presets(void **state)
{
    (void)state;
    check_preset("podcast", 0, -16.0, -1.0, "podcast");
    check_preset("broadcast", 0, -23.0, -1.0, "broadcast");
    check_preset("atsc", 0, -24.0, -2.0, "atsc");
    check_preset("alexa", 0, -14.0, -2.0, "alexa");
    check_preset("off", 1, 0.0, 0.0, "off");
    check_preset("Broadcast", 0, -23.0, -1.0, "broadcast");
    check_preset(" podcast ", 0, -16.0, -1.0, "podcast");
    check_preset("OFF", 1, 0.0, 0.0, "off");

    struct nb_loudness_target t;
    nb_loudness_target_init(&t);
    assert_int_equal(t.off, 0);
    assert_true(t.lufs == -16.0);
    assert_true(t.ceiling_dbtp == -1.0);
    assert_string_equal(t.name, "podcast");
    assert_string_equal(nb_loudness_presets(), "podcast, broadcast, atsc, alexa, off");
    assert_non_null(strstr(nb_loudness_presets_help(), "broadcast  EBU R128: -23 LUFS"));
}

static void test_parse_numbers(void **state)
{
    (void)state;
    check_preset("-18", 0, -18.0, -1.0, "custom");
    check_preset("-18.5", 0, -18.5, -1.0, "custom");
    check_preset("-18.25 LUFS", 0, -18.25, -1.0, "custom");
    check_preset("-24lkfs", 0, -24.0, -1.0, "custom");
    check_preset("  -16  ", 0, -16.0, -1.0, "custom");
    check_preset("-40", 0, -40.0, -1.0, "custom");
    check_preset("-5", 0, -5.0, -1.0, "custom");
    check_preset("-5.0", 0, -5.0, -1.0, "custom");
}

static void check_bad(const char *s, const char *message)
{
    struct nb_loudness_target t;
    struct nb_error err;
    nb_loudness_target_init(&t);
    nb_error_init(&err);
    assert_int_equal(nb_loudness_target_parse(s, &t, &err), NB_EINPUT);
    assert_int_equal(err.status, NB_EINPUT);
    assert_string_equal(err.message, message);
    /* unchanged on failure */
    assert_string_equal(t.name, "podcast");
    assert_true(t.lufs == -16.0);
    /* err may be NULL */
    assert_int_equal(nb_loudness_target_parse(s, &t, NULL), NB_EINPUT);
}

static void test_parse_bad(void **state)
{
    (void)state;
    check_bad("loud", "loudness 'loud' is not a preset (podcast, broadcast, atsc, alexa, off) "
                      "or a number of LUFS such as -16");
    check_bad("", "loudness '' is not a preset (podcast, broadcast, atsc, alexa, off) "
                  "or a number of LUFS such as -16");
    check_bad(NULL, "loudness '' is not a preset (podcast, broadcast, atsc, alexa, off) "
                    "or a number of LUFS such as -16");
    const char *not_numbers[] = {"-18 dB", "--18", "-",    ".",         "nan",      "inf",
                                 "-inf",   "0x10", "-1e1", "-18 LUFSX", "podcasts", "-16,5"};
    for (size_t i = 0; i < sizeof(not_numbers) / sizeof(not_numbers[0]); i++) {
        char want[200];
        snprintf(want, sizeof(want),
                 "loudness '%s' is not a preset (podcast, broadcast, atsc, alexa, off) "
                 "or a number of LUFS such as -16",
                 not_numbers[i]);
        check_bad(not_numbers[i], want);
    }
    check_bad("-50", "loudness '-50' is out of range (-40 to -5 LUFS)");
    check_bad("-4.9", "loudness '-4.9' is out of range (-40 to -5 LUFS)");
    check_bad("0", "loudness '0' is out of range (-40 to -5 LUFS)");
    check_bad("16", "loudness '16' is out of range (-40 to -5 LUFS; did you mean -16?)");
    check_bad("-99999999999999999999",
              "loudness '-99999999999999999999' is not a preset (podcast, broadcast, atsc, alexa, "
              "off) or a number of LUFS such as -16");
}

static void test_gain(void **state)
{
    (void)state;
    struct nb_loudness_target t;
    assert_int_equal(nb_loudness_target_parse("podcast", &t, NULL), NB_OK);
    assert_near(nb_loudness_gain_db(-23.0, &t), 7.0, 1e-12);
    assert_near(nb_loudness_gain_db(-10.5, &t), -5.5, 1e-12);
    assert_near(nb_loudness_gain_db(-60.0, &t), NB_LOUDNESS_MAX_GAIN_DB, 0.0); /* capped */
    assert_near(nb_loudness_gain_db(-46.0, &t), 30.0, 0.0);
    assert_true(nb_loudness_gain_db(-HUGE_VAL, &t) == 0.0); /* silence */
    assert_true(nb_loudness_gain_db(NAN, &t) == 0.0);
    assert_int_equal(nb_loudness_target_parse("broadcast", &t, NULL), NB_OK);
    assert_near(nb_loudness_gain_db(-16.0, &t), -7.0, 1e-12);
    assert_int_equal(nb_loudness_target_parse("atsc", &t, NULL), NB_OK);
    assert_near(nb_loudness_gain_db(-20.0, &t), -4.0, 1e-12);
    assert_int_equal(nb_loudness_target_parse("-18.5", &t, NULL), NB_OK);
    assert_near(nb_loudness_gain_db(-20.0, &t), 1.5, 1e-12);
    assert_int_equal(nb_loudness_target_parse("off", &t, NULL), NB_OK);
    assert_true(nb_loudness_gain_db(-30.0, &t) == 0.0);
}

/* channels x n frames of a sine of `freq` Hz and amplitude `amp` (in every
 * channel), phase `phase`. */
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

static void measure(const float *s, unsigned rate, unsigned channels, size_t n, size_t chunk,
                    double *lufs, double *peak)
{
    struct nb_loudness_meter *m;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_loudness_meter_new(&m, rate, channels, &err), NB_OK);
    for (size_t i = 0; i < n; i += chunk) {
        size_t k = n - i < chunk ? n - i : chunk;
        assert_int_equal(nb_loudness_meter_add_float(m, s + i * channels, k, &err), NB_OK);
    }
    assert_int_equal(nb_loudness_meter_result(m, lufs, peak, &err), NB_OK);
    nb_loudness_meter_free(m);
}

/* BS.1770: a 0 dBFS sine near 1 kHz in one front channel reads -3.01 LKFS
 * (the K filter's +0.69 dB at 997 Hz is what the -0.691 of the formula
 * takes back), so -20 dBFS reads -23.01, and in both channels -20.0. */
static void test_sine_reference(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    const size_t n = 10 * rate;
    const double amp = pow(10.0, -20.0 / 20.0);
    double lufs, peak;

    float *mono = sine(rate, 1, n, 997.0, amp, 0.0);
    measure(mono, rate, 1, n, n, &lufs, &peak);
    assert_near(lufs, -23.01, 0.01);
    assert_near(peak, -20.0, 0.05);
    double whole = lufs, whole_peak = peak;
    /* in pieces: the same */
    measure(mono, rate, 1, n, 1, &lufs, &peak);
    assert_near(lufs, whole, 1e-9);
    assert_near(peak, whole_peak, 1e-9);
    measure(mono, rate, 1, n, 4799, &lufs, &peak);
    assert_near(lufs, whole, 1e-9);
    assert_near(peak, whole_peak, 1e-9);

    /* 16-bit samples read as the same */
    int16_t *s16 = malloc(n * sizeof(*s16));
    assert_non_null(s16);
    for (size_t i = 0; i < n; i++)
        s16[i] = (int16_t)lrint(mono[i] * 32768.0);
    struct nb_loudness_meter *m;
    assert_int_equal(nb_loudness_meter_new(&m, rate, 1, NULL), NB_OK);
    assert_int_equal(nb_loudness_meter_add_s16(m, s16, n / 2, NULL), NB_OK);
    assert_int_equal(nb_loudness_meter_add_s16(m, s16 + n / 2, n - n / 2, NULL), NB_OK);
    assert_int_equal(nb_loudness_meter_add_s16(m, NULL, 0, NULL), NB_OK);
    double lufs16, peak16;
    assert_int_equal(nb_loudness_meter_result(m, &lufs16, NULL, NULL), NB_OK);
    assert_int_equal(nb_loudness_meter_result(m, NULL, &peak16, NULL), NB_OK);
    assert_near(lufs16, whole, 0.01);
    assert_near(peak16, whole_peak, 0.01);
    nb_loudness_meter_free(m);
    free(s16);
    free(mono);

    /* stereo, the same sine in both channels: 3.01 LU more */
    float *stereo = sine(rate, 2, n, 997.0, amp, 0.0);
    measure(stereo, rate, 2, n, n, &lufs, &peak);
    assert_near(lufs, -20.0, 0.01);
    assert_near(lufs - whole, 3.01, 0.01);
    assert_near(peak, -20.0, 0.05);
    free(stereo);

    /* at 22050 Hz, eSpeak NG's rate, too (libebur128 derives its K filter
     * for the rate, which reads this tone 0.03 LU louder) */
    float *slow = sine(22050, 1, 10 * 22050, 997.0, amp, 0.0);
    measure(slow, 22050, 1, 10 * 22050, 1000, &lufs, &peak);
    assert_near(lufs, -23.01, 0.05);
    free(slow);
}

/* A sine at a quarter of the rate, 45 degrees out of phase, has every
 * sample at 0.707 of its peak: the true peak is 3 dB over the sample peak. */
static void test_true_peak_between_samples(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    const size_t n = rate;
    float *s = sine(rate, 1, n, rate / 4.0, 0.5, PI / 4.0);
    double sample_peak = 0.0;
    for (size_t i = 0; i < n; i++)
        if (fabs(s[i]) > sample_peak)
            sample_peak = fabs(s[i]);
    assert_near(20.0 * log10(sample_peak), -9.03, 0.01);
    double lufs, peak;
    measure(s, rate, 1, n, n, &lufs, &peak);
    assert_near(peak, -6.02, 0.3);
    free(s);
}

/* The loudness alone measures the loudness as the full meter does, and no
 * true peak. */
static void test_loudness_alone(void **state)
{
    (void)state;
    struct nb_loudness_meter *full, *alone;
    assert_int_equal(nb_loudness_meter_new(&full, 22050, 1, NULL), NB_OK);
    assert_int_equal(nb_loudness_meter_new_lufs(&alone, 22050, 1, NULL), NB_OK);
    int16_t tone[2205];
    for (int k = 0; k < 40; k++) {
        for (int i = 0; i < 2205; i++)
            tone[i] =
                (int16_t)(8000.0 * (1 + k % 3) * sin(2.0 * PI * 997.0 * (k * 2205 + i) / 22050.0));
        assert_int_equal(nb_loudness_meter_add_s16(full, tone, 2205, NULL), NB_OK);
        assert_int_equal(nb_loudness_meter_add_s16(alone, tone, 2205, NULL), NB_OK);
    }
    double a = 0, b = 0, pa = 0, pb = 0;
    assert_int_equal(nb_loudness_meter_result(full, &a, &pa, NULL), NB_OK);
    assert_int_equal(nb_loudness_meter_result(alone, &b, &pb, NULL), NB_OK);
    assert_true(isfinite(a) && a == b);
    assert_true(isfinite(pa));
    assert_true(isnan(pb));
    nb_loudness_meter_free(full);
    nb_loudness_meter_free(alone);
}

static void test_silence(void **state)
{
    (void)state;
    struct nb_loudness_meter *m;
    double lufs = 0.0, peak = 0.0;
    assert_int_equal(nb_loudness_meter_new(&m, 22050, 1, NULL), NB_OK);
    /* nothing at all */
    assert_int_equal(nb_loudness_meter_result(m, &lufs, &peak, NULL), NB_OK);
    assert_true(isinf(lufs) && lufs < 0);
    assert_true(isinf(peak) && peak < 0);
    int16_t zeros[4410] = {0};
    for (int i = 0; i < 50; i++)
        assert_int_equal(nb_loudness_meter_add_s16(m, zeros, 4410, NULL), NB_OK);
    assert_int_equal(nb_loudness_meter_result(m, &lufs, &peak, NULL), NB_OK);
    assert_true(lufs == -HUGE_VAL);
    assert_true(peak == -HUGE_VAL);
    struct nb_loudness_target t;
    nb_loudness_target_init(&t);
    assert_true(nb_loudness_gain_db(lufs, &t) == 0.0);
    nb_loudness_meter_free(m);

    /* under the absolute gate (-70 LUFS): -inf as well */
    float *faint = sine(48000, 1, 5 * 48000, 997.0, pow(10.0, -75.0 / 20.0), 0.0);
    measure(faint, 48000, 1, 5 * 48000, 48000, &lufs, &peak);
    assert_true(lufs == -HUGE_VAL);
    assert_near(peak, -75.0, 0.05);
    free(faint);
}

/* Gating: 10 s of tone then 10 s of silence read as the tone alone, but for
 * the three blocks that straddle the end (3/4, 1/2 and 1/4 tone, all over
 * the relative gate): 97 + 1.5 blocks' energy over 100 blocks, -0.066 LU. */
static void test_gating_ignores_pauses(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    const size_t n = 10 * rate;
    float *s = sine(rate, 1, 2 * n, 997.0, 0.1, 0.0);
    memset(s + n, 0, n * sizeof(*s));
    double lufs, peak;
    measure(s, rate, 1, 2 * n, 12345, &lufs, &peak);
    assert_near(lufs, -23.01 + 10.0 * log10(98.5 / 100.0), 0.01);
    free(s);
}

static uint64_t lcg(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return *seed >> 11;
}

/* 40 s of noise in bursts of random level and pauses, like speech. */
static float *bursts(unsigned rate, unsigned channels, size_t n)
{
    float *s = malloc(n * channels * sizeof(*s));
    assert_non_null(s);
    uint64_t seed = 42;
    double level = 0.0, target = 0.0, low = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (i % (rate / 5) == 0) {
            double u = (double)(lcg(&seed) % 1000) / 1000.0;
            target = u > 0.3 ? pow(10.0, (u * 30.0 - 30.0) / 20.0) : 0.0;
        }
        level += (target - level) * 0.001;
        low = 0.9 * low + 0.1 * ((double)(lcg(&seed) % 2001) / 1000.0 - 1.0);
        for (unsigned c = 0; c < channels; c++)
            s[i * channels + c] = (float)(4.0 * level * low * (c ? 0.6 : 1.0));
    }
    return s;
}

/* What libebur128 itself reads (keeping every block), at every rate the
 * bulletin is made at. */
static void test_matches_libebur128(void **state)
{
    (void)state;
    const unsigned rates[] = {22050, 44100, 48000};
    for (size_t r = 0; r < 3; r++) {
        for (unsigned ch = 1; ch <= 2; ch++) {
            size_t n = (size_t)rates[r] * 40;
            float *s = bursts(rates[r], ch, n);
            ebur128_state *st = ebur128_init(ch, rates[r], EBUR128_MODE_I);
            assert_non_null(st);
            assert_int_equal(ebur128_add_frames_float(st, s, n), EBUR128_SUCCESS);
            double want, lufs, peak;
            assert_int_equal(ebur128_loudness_global(st, &want), EBUR128_SUCCESS);
            ebur128_destroy(&st);
            measure(s, rates[r], ch, n, 1777, &lufs, &peak);
            assert_true(want > -40.0 && want < -10.0);
            assert_near(lufs, want, 0.005);
            free(s);
        }
    }
}

static void test_meter_bad_arguments(void **state)
{
    (void)state;
    struct nb_loudness_meter *m = (struct nb_loudness_meter *)&m;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_loudness_meter_new(&m, 48000, 3, &err), NB_EINTERNAL);
    assert_null(m);
    assert_string_equal(err.message, "loudness meter: 3 channels is not supported (1 or 2)");
    assert_int_equal(nb_loudness_meter_new(&m, 48000, 0, &err), NB_EINTERNAL);
    assert_int_equal(nb_loudness_meter_new(&m, 0, 1, &err), NB_EINTERNAL);
    assert_string_equal(err.message,
                        "loudness meter: a rate of 0 Hz is not supported (8000 to 384000)");
    assert_int_equal(nb_loudness_meter_new(&m, 400000, 1, NULL), NB_EINTERNAL);
    nb_loudness_meter_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_presets),
        cmocka_unit_test(test_parse_numbers),
        cmocka_unit_test(test_parse_bad),
        cmocka_unit_test(test_gain),
        cmocka_unit_test(test_sine_reference),
        cmocka_unit_test(test_true_peak_between_samples),
        cmocka_unit_test(test_loudness_alone),
        cmocka_unit_test(test_silence),
        cmocka_unit_test(test_gating_ignores_pauses),
        cmocka_unit_test(test_matches_libebur128),
        cmocka_unit_test(test_meter_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
