#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sndfile.h>

#include "speech/audio_file.h"
#include "speech/pcm.h"
#include "support.h"
#include "text/buf.h"

/* A second of a 440 Hz-ish sawtooth: not silence, easy to compare. */
static void make_pcm(struct nb_pcm *p, unsigned rate, size_t n)
{
    nb_pcm_init(p, rate);
    for (size_t i = 0; i < n; i++) {
        int16_t s = (int16_t)((int)(i * 97 % 2000) * 10 - 10000);
        assert_int_equal(nb_pcm_add(p, &s, 1), 0);
    }
}

static char *path_in(const char *dir, const char *name)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_buf_addf(&b, "%s/%s", dir, name);
    return nb_buf_detach(&b, NULL);
}

/* Number of entries in dir besides . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void check_wav(const char *path, const struct nb_pcm *p)
{
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    assert_non_null(sf);
    assert_int_equal(info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    assert_int_equal(info.channels, 1);
    assert_int_equal(info.samplerate, (int)p->rate);
    assert_int_equal(info.frames, (sf_count_t)p->n);
    int16_t *back = malloc((p->n ? p->n : 1) * sizeof(*back));
    assert_int_equal(sf_read_short(sf, back, (sf_count_t)p->n), (sf_count_t)p->n);
    if (p->n)
        assert_memory_equal(back, p->samples, p->n * sizeof(*back));
    free(back);
    sf_close(sf);
}

static void test_writes_wav(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("audio-write");
    char *path = path_in(dir, "out.wav");
    struct nb_pcm p;
    make_pcm(&p, 22050, 22050 * 3 + 17); /* several write chunks */
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_audio_write(path, &p, &err), NB_OK);
    check_wav(path, &p);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_size, 44 + 2 * (off_t)p.n);
    mode_t mask = umask(0);
    umask(mask);
    assert_int_equal(st.st_mode & 0777, 0644 & ~mask); /* not mkstemp's 0600 */
    assert_int_equal(entries(dir), 1);
    /* upper-case extension, other rate, empty audio */
    char *upper = path_in(dir, "LOUD.WAV");
    struct nb_pcm e;
    nb_pcm_init(&e, 16000);
    assert_int_equal(nb_audio_write(upper, &e, &err), NB_OK);
    check_wav(upper, &e);
    nb_pcm_release(&p);
    free(upper);
    free(path);
    free(dir);
}

static void test_rejects_format_and_rate(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("audio-format");
    struct nb_pcm p;
    make_pcm(&p, 22050, 100);
    struct nb_error err;
    char *mp3 = path_in(dir, "out.mp3");
    assert_int_equal(nb_audio_write(mp3, &p, &err), NB_EINPUT);
    assert_string_equal(err.file, mp3);
    char *bare = path_in(dir, "wav");
    assert_int_equal(nb_audio_write(bare, &p, &err), NB_EINPUT);
    char *ok = path_in(dir, "x.wav");
    p.rate = 0;
    assert_int_equal(nb_audio_write(ok, &p, &err), NB_EINTERNAL);
    assert_int_equal(entries(dir), 0);
    nb_pcm_release(&p);
    free(mp3);
    free(bare);
    free(ok);
    free(dir);
}

static void test_missing_or_bad_folder(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("audio-folder");
    struct nb_pcm p;
    make_pcm(&p, 22050, 1000);
    struct nb_error err;
    char *missing = path_in(dir, "no/such/folder/out.wav");
    assert_int_equal(nb_audio_write(missing, &p, &err), NB_EIO);
    assert_string_equal(err.file, missing);
    /* a file where a folder should be */
    char *file = path_in(dir, "plain");
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    char *under_file = path_in(dir, "plain/out.wav");
    assert_int_equal(nb_audio_write(under_file, &p, &err), NB_EIO);
    assert_int_equal(entries(dir), 1);
    /* a folder without write permission (root may write anyway) */
    char *locked = path_in(dir, "locked");
    assert_int_equal(mkdir(locked, 0555), 0);
    char *in_locked = path_in(dir, "locked/out.wav");
    if (geteuid() != 0) {
        assert_int_equal(nb_audio_write(in_locked, &p, &err), NB_EIO);
        assert_int_equal(entries(locked), 0);
    }
    chmod(locked, 0755);
    nb_pcm_release(&p);
    free(missing);
    free(file);
    free(under_file);
    free(locked);
    free(in_locked);
    free(dir);
}

/* A write that fails half way (file size limit) keeps the old file and
 * leaves no temporary file behind. */
static void test_failed_write_keeps_previous(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("audio-fail");
    char *path = path_in(dir, "out.wav");
    struct nb_pcm small, big;
    make_pcm(&small, 22050, 1000);
    make_pcm(&big, 22050, 22050 * 20);
    struct nb_error err;
    assert_int_equal(nb_audio_write(path, &small, &err), NB_OK);

    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = 100000; /* bytes: the big write needs 882 kB */
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    nb_status rc = nb_audio_write(path, &big, &err);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, prev);
    assert_int_equal(rc, NB_EIO);
    assert_string_equal(err.file, path);
    check_wav(path, &small);
    assert_int_equal(entries(dir), 1);

    /* and a later write replaces it */
    assert_int_equal(nb_audio_write(path, &big, &err), NB_OK);
    check_wav(path, &big);
    assert_int_equal(entries(dir), 1);
    nb_pcm_release(&small);
    nb_pcm_release(&big);
    free(path);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_writes_wav),
        cmocka_unit_test(test_rejects_format_and_rate),
        cmocka_unit_test(test_missing_or_bad_folder),
        cmocka_unit_test(test_failed_write_keeps_previous),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
