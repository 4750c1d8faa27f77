/* Tests for speech/master: the two passes from spooled samples to a file
 * at the loudness target. */
#include "speech/master.h"

#include "support.h"

#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <sndfile.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define RATE 22050
#define PI 3.14159265358979323846

/* Speech-like audio: a 220 Hz tone with harmonics, in bursts, quiet. */
static void spool_bursts(struct nb_master_spool *sp, size_t seconds)
{
    int16_t buf[RATE / 10];
    struct nb_error err;
    for (size_t block = 0; block < seconds * 10; block++) {
        int on = block % 7 < 5;
        for (size_t i = 0; i < RATE / 10; i++) {
            double t = (double)(block * (RATE / 10) + i) / RATE;
            double v = on ? 0.05 * sin(2 * PI * 220 * t) + 0.03 * sin(2 * PI * 660 * t) +
                                0.02 * sin(2 * PI * 1320 * t)
                          : 0.0;
            buf[i] = (int16_t)lrint(v * 32767);
        }
        assert_int_equal(nb_master_spool_add(sp, buf, RATE / 10, &err), NB_OK);
    }
}

/* Frames, rate and channels of a file, and its loudness by our meter. */
static void measure(const char *path, SF_INFO *info, double *lufs, double *peak)
{
    memset(info, 0, sizeof(*info));
    SNDFILE *f = sf_open(path, SFM_READ, info);
    if (!f)
        fail_msg("%s: %s", path, sf_strerror(NULL));
    struct nb_loudness_meter *m;
    struct nb_error err;
    assert_int_equal(
        nb_loudness_meter_new(&m, (unsigned)info->samplerate, (unsigned)info->channels, &err),
        NB_OK);
    float buf[4096 * 2];
    sf_count_t n;
    while ((n = sf_readf_float(f, buf, 4096)) > 0)
        assert_int_equal(nb_loudness_meter_add_float(m, buf, (size_t)n, &err), NB_OK);
    sf_close(f);
    assert_int_equal(nb_loudness_meter_result(m, lufs, peak, &err), NB_OK);
    nb_loudness_meter_free(m);
}

static int leftovers(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strncmp(e->d_name, ".", 1) == 0 && strstr(e->d_name, ".tmp-") != NULL;
    if (d)
        closedir(d);
    return n;
}

static void test_loudness_and_formats(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("master");
    char path[1024];
    struct nb_error err;
    nb_error_init(&err);
    static const struct {
        const char *name;
        unsigned rate, channels;
        const char *preset;
    } cases[] = {
        {"a.wav", 22050, 1, "podcast"}, {"b.flac", 48000, 2, "broadcast"},
        {"c.wav", 44100, 2, "atsc"},    {"d.mp3", 44100, 1, "podcast"},
        {"e.ogg", 48000, 2, "-18"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, cases[i].name);
        struct nb_audio_format f;
        assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
        f.rate = cases[i].rate;
        f.channels = cases[i].channels;
        struct nb_loudness_target t;
        assert_int_equal(nb_loudness_target_parse(cases[i].preset, &t, &err), NB_OK);
        struct nb_master_spool *sp;
        assert_int_equal(nb_master_spool_open(&sp, path, RATE, f.channels, 1, NULL, &err), NB_OK);
        spool_bursts(sp, 12);
        assert_int_equal(leftovers(dir), 1); /* the spool, beside the output */
        double gain;
        if (nb_master_gain(sp, &f, &t, NULL, &gain, &err) != NB_OK)
            fail_msg("%s: gain: %s", cases[i].name, err.message);
        struct nb_master_output o = {.path = path, .format = f};
        struct nb_master_result r;
        if (nb_master_write(sp, &o, &t, gain, &r, &err) != NB_OK)
            fail_msg("%s: %s", cases[i].name, err.message);
        nb_master_spool_free(sp);
        assert_int_equal(leftovers(dir), 0);
        SF_INFO info;
        double lufs, peak;
        measure(path, &info, &lufs, &peak);
        assert_int_equal(info.samplerate, (int)f.rate);
        assert_int_equal(info.channels, (int)f.channels);
        double seconds = (double)info.frames / info.samplerate;
        assert_true(fabs(seconds - 12.0) < 0.2);
        /* the target within half an LU, the true peak under the ceiling */
        if (fabs(lufs - t.lufs) > 0.5 || peak > t.ceiling_dbtp + 0.05)
            fail_msg("%s: %.2f LUFS, %.2f dBTP for %s", cases[i].name, lufs, peak, cases[i].preset);
        assert_true(fabs(r.lufs - t.lufs) < 0.5);
    }
    free(dir);
}

/* Loudness off at the synthesiser's own rate: the samples as made. */
static void test_off_keeps_the_samples(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("master_off");
    char path[1024];
    snprintf(path, sizeof(path), "%s/plain.wav", dir);
    struct nb_error err;
    struct nb_master_spool *sp;
    /* not measured while spooled: loudness off, no jingles */
    assert_int_equal(nb_master_spool_open(&sp, path, RATE, 1, 0, NULL, &err), NB_OK);
    int16_t ramp[1000];
    for (int i = 0; i < 1000; i++)
        ramp[i] = (int16_t)(i * 30 - 15000);
    assert_int_equal(nb_master_spool_add(sp, ramp, 1000, &err), NB_OK);
    struct nb_loudness_target off;
    assert_int_equal(nb_loudness_target_parse("off", &off, &err), NB_OK);
    struct nb_audio_format f = {NB_AUDIO_WAV, RATE, 1, 16};
    /* a stretch: samples [100, 600) */
    struct nb_master_output o = {.path = path, .format = f, .from = 100, .to = 600};
    struct nb_master_result r;
    assert_int_equal(nb_master_write(sp, &o, &off, 0, &r, &err), NB_OK);
    /* with the loudness off, the loudness alone is measured (of so short
     * a stretch: under any gate) and no true peak */
    assert_true(isinf(r.lufs) && r.lufs < 0);
    assert_true(isnan(r.true_peak));
    double lufs;
    assert_int_equal(nb_master_spool_loudness(sp, &lufs, NULL, &err), NB_EINTERNAL);
    nb_master_spool_free(sp);
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    SNDFILE *file = sf_open(path, SFM_READ, &info);
    assert_non_null(file);
    assert_int_equal(info.frames, 500);
    short got[500];
    assert_int_equal(sf_readf_short(file, got, 500), 500);
    sf_close(file);
    for (int i = 0; i < 500; i++)
        assert_int_equal(got[i], ramp[100 + i]); /* copied, never through floats */
    free(dir);
}

/* Loudness off, stereo and lossless: each channel holds the samples as
 * made, and the loudness given is the file's as measured again. */
static void test_off_stereo_copy(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("master_off_stereo");
    struct nb_error err;
    int16_t tone[3 * RATE];
    for (int i = 0; i < 3 * RATE; i++)
        tone[i] = (int16_t)(8000.0 * sin(2.0 * 3.141592653589793 * 440.0 * i / RATE) +
                            (i % 7 == 0 ? 32767 - 8001 : 0)); /* a peak now and then */
    const enum nb_audio_container kinds[2] = {NB_AUDIO_WAV, NB_AUDIO_FLAC};
    for (int k = 0; k < 2; k++) {
        char path[1024];
        snprintf(path, sizeof(path), "%s/two.%s", dir, k ? "flac" : "wav");
        struct nb_master_spool *sp;
        assert_int_equal(nb_master_spool_open(&sp, path, RATE, 2, 0, NULL, &err), NB_OK);
        assert_int_equal(nb_master_spool_add(sp, tone, 3 * RATE, &err), NB_OK);
        struct nb_loudness_target off;
        assert_int_equal(nb_loudness_target_parse("off", &off, &err), NB_OK);
        struct nb_master_output o = {.path = path, .format = {kinds[k], RATE, 2, 16}};
        struct nb_master_result r;
        assert_int_equal(nb_master_write(sp, &o, &off, 0, &r, &err), NB_OK);
        nb_master_spool_free(sp);
        SF_INFO info;
        memset(&info, 0, sizeof(info));
        SNDFILE *file = sf_open(path, SFM_READ, &info);
        assert_non_null(file);
        assert_int_equal(info.channels, 2);
        assert_int_equal(info.frames, 3 * RATE);
        static short got[2 * 3 * RATE];
        assert_int_equal(sf_readf_short(file, got, 3 * RATE), 3 * RATE);
        sf_close(file);
        for (int i = 0; i < 3 * RATE; i++) {
            assert_int_equal(got[2 * i], tone[i]);
            assert_int_equal(got[2 * i + 1], tone[i]);
        }
        double lufs, peak;
        assert_int_equal(nb_master_measure_file(path, &lufs, &peak, &err), NB_OK);
        assert_true(isfinite(r.lufs));
        assert_true(fabs(r.lufs - lufs) < 0.01);
    }
    free(dir);
}

/* A folder that does not exist: a clear error, nothing left. */
static void test_errors(void **state)
{
    (void)state;
    struct nb_error err;
    nb_error_init(&err);
    struct nb_master_spool *sp = NULL;
    assert_int_equal(nb_master_spool_open(&sp, "/nonexistent/folder/x.wav", RATE, 1, 1, NULL, &err),
                     NB_EIO);
    assert_null(sp);
    assert_non_null(strstr(err.message, "/nonexistent/folder"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loudness_and_formats),
        cmocka_unit_test(test_off_keeps_the_samples),
        cmocka_unit_test(test_off_stereo_copy),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
