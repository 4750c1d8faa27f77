/* test_jingle.c - a user's sound file made ready to go between the speech,
 * and the errors for files that are not one, in newsbrief's words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>

#include <cmocka.h>
#include <sndfile.h>

#include "speech/jingle.h"
#include "support.h"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = nb_test_tmpdir("jingle");
    return dir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(dir);
    return 0;
}

/* dir/name, in a buffer of the caller's. */
static const char *in_dir(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
    return buf;
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
}

/* A second of a 440 Hz tone, stereo, 44.1 kHz. */
static void write_tone(const char *path)
{
    SF_INFO info = {.samplerate = 44100, .channels = 2, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
    SNDFILE *f = sf_open(path, SFM_WRITE, &info);
    assert_non_null(f);
    static float frames[44100 * 2];
    for (size_t i = 0; i < 44100; i++)
        frames[2 * i] = frames[2 * i + 1] = 0.3f * (float)((i / 50) % 2 ? 1 : -1);
    assert_int_equal(sf_writef_float(f, frames, 44100), 44100);
    sf_close(f);
}

static void assert_refused(const char *path, const char *why)
{
    struct nb_error err;
    char want[1400];
    nb_error_init(&err);
    assert_int_equal(nb_jingle_check(path, &err), NB_EINPUT);
    snprintf(want, sizeof(want), "'%s': %s", path, why);
    assert_string_equal(err.message, want);
    struct nb_pcm pcm;
    double lufs = 0;
    nb_pcm_init(&pcm, 22050);
    nb_error_init(&err);
    assert_int_equal(nb_jingle_load(path, 22050, &pcm, &lufs, &err), NB_EINPUT);
    assert_string_equal(err.message, want);
    assert_int_equal(pcm.n, 0);
    nb_pcm_release(&pcm);
}

static void test_loads_audio(void **state)
{
    (void)state;
    char path[1200];
    write_tone(in_dir(path, sizeof(path), "tone.wav"));
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_jingle_check(path, &err), NB_OK);
    struct nb_pcm pcm;
    double lufs = 0;
    nb_pcm_init(&pcm, 22050);
    assert_int_equal(nb_jingle_load(path, 22050, &pcm, &lufs, &err), NB_OK);
    /* one second, mono, at the speech's rate */
    assert_true(pcm.n > 21900 && pcm.n < 22200);
    assert_true(lufs > -30 && lufs < 0);
    nb_pcm_release(&pcm);
}

/* The common failures in our words, not libsndfile's ("System error :
 * No such file or directory.", "Format not recognised."). */
static void test_common_failures(void **state)
{
    (void)state;
    char path[1200];
    assert_refused(in_dir(path, sizeof(path), "no-such-sting.wav"), "no such file");
    assert_refused(in_dir(path, sizeof(path), "no-such-folder/sting.wav"), "no such file");
    write_file(in_dir(path, sizeof(path), "notes.txt"), "not a sound\n", 12);
    assert_refused(path, "not an audio file (format not recognised)");
    write_file(in_dir(path, sizeof(path), "empty.wav"), "", 0);
    assert_refused(path, "not an audio file (format not recognised)");
    assert_refused(dir, "a folder, not an audio file");
    write_tone(in_dir(path, sizeof(path), "locked.wav"));
    assert_int_equal(chmod(path, 0), 0);
    if (access(path, R_OK) != 0) /* root reads it anyway */
        assert_refused(path, "permission denied");
}

/* How many descriptors this process holds open. */
static int open_descriptors(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    int n = 0;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

/* A FIFO (or a file swapped for one) is refused at once, never waited
 * on for a writer that never comes; no refusal keeps a descriptor. */
static void test_fifo_and_descriptors(void **state)
{
    (void)state;
    char path[1200];
    int before = open_descriptors();
    assert_int_equal(mkfifo(in_dir(path, sizeof(path), "sting.fifo"), 0600), 0);
    assert_refused(path, "not a regular file");
    write_file(in_dir(path, sizeof(path), "notes2.txt"), "not a sound either\n", 19);
    assert_refused(path, "not an audio file (format not recognised)");
    assert_refused(dir, "a folder, not an audio file");
    assert_int_equal(open_descriptors(), before);
}

/* A rarer reason stays libsndfile's, in lower case and without its full
 * stop. */
static void test_rare_failure(void **state)
{
    (void)state;
    char path[1200];
    /* a WAV header whose format chunk is cut short */
    static const char cut[] = "RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00";
    write_file(in_dir(path, sizeof(path), "cut.wav"), cut, sizeof(cut) - 1);
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_jingle_check(path, &err), NB_EINPUT);
    char start[1300];
    snprintf(start, sizeof(start), "'%s': not an audio file (", path);
    assert_memory_equal(err.message, start, strlen(start));
    const char *why = err.message + strlen(start);
    size_t n = strlen(why);
    assert_true(n > 1 && why[n - 1] == ')');
    assert_false(why[0] >= 'A' && why[0] <= 'Z' && !(why[1] >= 'A' && why[1] <= 'Z'));
    assert_true(why[n - 2] != '.');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_audio),
        cmocka_unit_test(test_common_failures),
        cmocka_unit_test(test_rare_failure),
        cmocka_unit_test(test_fifo_and_descriptors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
