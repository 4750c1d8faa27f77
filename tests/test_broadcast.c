/* End to end: a bulletin to broadcast-ready audio - format, rate,
 * channels, loudness, chapters, transcript timing, the files beside it,
 * and failures that leave the previous bulletin intact. */
#include <dirent.h>
#include <json-c/json.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <sndfile.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "bulletin/bulletin.h"
#include "speech/loudness.h"
#include "support.h"
#include "text/file.h"

#define FIXTURES NB_TEST_FIXTURES "/bulletin"

static char *briefing(const char *dir, const char *name, const char *extra)
{
    char text[2048], *path = malloc(1024);
    int n = snprintf(text, sizeof(text),
                     "title: Island Bulletin\ndate: 2026-11-30\n"
                     "quote_voice: correspondent\n"
                     "articles:\n  - %s/articles/ferry.txt\n  - %s/articles/library.txt\n%s",
                     FIXTURES, FIXTURES, extra);
    snprintf(path, 1024, "%s/%s", dir, name);
    struct nb_error err;
    if (nb_file_write_atomic(path, text, (size_t)n, &err) != NB_OK)
        fail_msg("%s", err.message);
    return path;
}

static void build(const char *path, const char *dir, struct nb_bulletin *bl)
{
    struct nb_error err;
    nb_error_init(&err);
    nb_bulletin_init(bl);
    if (nb_bulletin_build(bl, path, dir, &err) != NB_OK)
        fail_msg("%s", err.message);
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int temporary_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] == '.' &&
             (strstr(e->d_name, ".tmp-") || strstr(e->d_name, ".new") || strstr(e->d_name, ".old"));
    if (d)
        closedir(d);
    return n;
}

/* The samples of a file as floats (all channels), and its format. */
static float *decode(const char *path, SF_INFO *info)
{
    memset(info, 0, sizeof(*info));
    SNDFILE *f = sf_open(path, SFM_READ, info);
    if (!f)
        fail_msg("%s: %s", path, sf_strerror(NULL));
    float *s = malloc((size_t)(info->frames + 1) * (size_t)info->channels * sizeof(float));
    assert_non_null(s);
    assert_int_equal(sf_readf_float(f, s, info->frames), info->frames);
    sf_close(f);
    return s;
}

static void loudness_of(const float *s, const SF_INFO *info, double *lufs, double *peak)
{
    struct nb_loudness_meter *m;
    struct nb_error err;
    assert_int_equal(
        nb_loudness_meter_new(&m, (unsigned)info->samplerate, (unsigned)info->channels, &err),
        NB_OK);
    assert_int_equal(nb_loudness_meter_add_float(m, s, (size_t)info->frames, &err), NB_OK);
    assert_int_equal(nb_loudness_meter_result(m, lufs, peak, &err), NB_OK);
    nb_loudness_meter_free(m);
}

/* MP3, 44.1 kHz stereo, broadcast loudness, a file per story. */
static void test_mp3_per_story(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("broadcast_mp3");
    char *path = briefing(dir, "b.yaml",
                          "output: {file: island.mp3, rate: 44100, channels: 2, per_story: true}\n"
                          "loudness: broadcast\n");
    struct nb_bulletin bl;
    build(path, dir, &bl);
    /* the bulletin, a file per chapter, the playlist, five beside it */
    const char *want[] = {"island.mp3",  "island-01.mp3",        "island-02.mp3",
                          "island.m3u8", "island.chapters.json", "island.chapters.vtt",
                          "island.vtt",  "island.srt",           "island.manifest.json"};
    char p[1200];
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        snprintf(p, sizeof(p), "%s/%s", dir, want[i]);
        if (!exists(p))
            fail_msg("%s was not written", want[i]);
    }
    assert_string_equal(bl.audio.files.v[0], bl.output);
    assert_true(bl.audio.files.n >= 9);
    SF_INFO info;
    float *s = decode(bl.output, &info);
    assert_int_equal(info.samplerate, 44100);
    assert_int_equal(info.channels, 2);
    assert_true(fabs((double)info.frames / 44100 - bl.seconds) < 0.2);
    double lufs, peak;
    loudness_of(s, &info, &lufs, &peak);
    if (fabs(lufs - -23.0) > 0.5 || peak > -1.0 + 0.05)
        fail_msg("%.2f LUFS, %.2f dBTP", lufs, peak);
    free(s);
    /* the chapters: intro, the two stories, the close; in order */
    snprintf(p, sizeof(p), "%s/island.chapters.json", dir);
    struct json_object *o = json_object_from_file(p), *v, *chapters;
    assert_non_null(o);
    assert_true(json_object_object_get_ex(o, "version", &v));
    assert_string_equal(json_object_get_string(v), "1.2.0");
    assert_true(json_object_object_get_ex(o, "chapters", &chapters));
    size_t n = json_object_array_length(chapters);
    assert_true(n >= 3);
    double last = -1;
    for (size_t i = 0; i < n; i++) {
        struct json_object *c = json_object_array_get_idx(chapters, i), *t, *title;
        assert_true(json_object_object_get_ex(c, "startTime", &t));
        assert_true(json_object_object_get_ex(c, "title", &title));
        assert_true(json_object_get_double(t) > last);
        last = json_object_get_double(t);
    }
    assert_string_equal(json_object_get_string(json_object_object_get(
                            json_object_array_get_idx(chapters, 1), "title")),
                        "Island ferry returns after winter repairs");
    json_object_put(o);
    /* the playlist lists the story files in order */
    snprintf(p, sizeof(p), "%s/island.m3u8", dir);
    char *m3u = nb_test_file(p, NULL);
    assert_non_null(strstr(m3u, "#EXTM3U\n"));
    char *one = strstr(m3u, "island-01.mp3"), *two = strstr(m3u, "island-02.mp3");
    assert_true(one && two && one < two);
    free(m3u);
    assert_int_equal(temporary_files(dir), 0);
    nb_bulletin_release(&bl);
    free(path);
    free(dir);
}

/* The transcript's cues start where the speech of their sentence starts
 * (within 50 ms), and quotes name their speaker. */
static void test_transcript_timing(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("broadcast_vtt");
    char *path = briefing(dir, "b.yaml", "output: island.wav\nloudness: off\nsentences: 1\n");
    struct nb_bulletin bl;
    build(path, dir, &bl);
    SF_INFO info;
    float *s = decode(bl.output, &info);
    const struct nb_timeline *t = &bl.audio.timeline;
    assert_true(t->ncues > 5);
    int quoted = 0;
    for (size_t i = 0; i < t->ncues; i++) {
        size_t at = (size_t)lround(t->cues[i].start * info.samplerate);
        size_t before = at > (size_t)info.samplerate / 20 ? at - (size_t)info.samplerate / 20 : 0;
        /* silence just before the cue, sound within 50 ms of it */
        float quiet = 0, loud = 0;
        for (size_t k = before; k < at && k < (size_t)info.frames; k++)
            quiet = fmaxf(quiet, fabsf(s[k]));
        for (size_t k = at; k < at + (size_t)info.samplerate / 20 && k < (size_t)info.frames; k++)
            loud = fmaxf(loud, fabsf(s[k]));
        if (quiet > 0.01f || loud < 0.02f)
            fail_msg("cue %zu '%s' at %.3f s: %.3f before, %.3f after", i + 1, t->cues[i].text,
                     t->cues[i].start, quiet, loud);
        quoted |= t->cues[i].speaker != NULL;
    }
    assert_true(quoted);
    free(s);
    char p[1200];
    snprintf(p, sizeof(p), "%s/island.vtt", dir);
    char *vtt = nb_test_file(p, NULL);
    assert_int_equal(strncmp(vtt, "WEBVTT\n", 7), 0);
    assert_non_null(strstr(vtt, "<v Newsreader>"));
    assert_non_null(strstr(vtt, "<v Morag Leitch>"));
    free(vtt);
    nb_bulletin_release(&bl);
    free(path);
    free(dir);
}

/* A disk that fills up (RLIMIT_FSIZE) fails the build cleanly: the files
 * of the bulletin before are intact and nothing is left over. */
static void test_disk_full_keeps_the_old_bulletin(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("broadcast_full");
    char *path = briefing(dir, "b.yaml", "output: island.flac\n");
    struct nb_bulletin bl;
    build(path, dir, &bl);
    char audio[1200], vtt[1200];
    snprintf(audio, sizeof(audio), "%s/island.flac", dir);
    snprintf(vtt, sizeof(vtt), "%s/island.vtt", dir);
    char *old_vtt = nb_test_file(vtt, NULL);
    struct stat before;
    assert_int_equal(stat(audio, &before), 0);
    nb_bulletin_release(&bl);
    /* a longer bulletin, in a child whose files may not grow past 64 KB */
    char *longer = briefing(dir, "b.yaml", "output: island.flac\nrate: 100\n");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim = {64 * 1024, 64 * 1024};
        setrlimit(RLIMIT_FSIZE, &lim);
        struct nb_bulletin child;
        struct nb_error err;
        nb_bulletin_init(&child);
        nb_status rc = nb_bulletin_build(&child, longer, dir, &err);
        _exit(rc == NB_EIO ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    struct stat after;
    assert_int_equal(stat(audio, &after), 0);
    assert_int_equal(after.st_size, before.st_size);
    assert_int_equal(after.st_mtime, before.st_mtime);
    char *new_vtt = nb_test_file(vtt, NULL);
    assert_string_equal(new_vtt, old_vtt);
    assert_int_equal(temporary_files(dir), 0);
    free(new_vtt);
    free(old_vtt);
    free(longer);
    free(path);
    free(dir);
}

/* Runs a shell command, its standard output and error in *out (malloc'd). */
static int run_shell(const char *cmd, char **out)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += got;
        if (n + 1 == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    buf[n] = '\0';
    *out = buf;
    return pclose(p);
}

/* Every format, read by an independent meter (ffmpeg's ebur128, true
 * peak) and chapter reader (ffprobe), where they are installed. */
static void test_every_format_by_ffmpeg(void **state)
{
    (void)state;
    if (access("/usr/bin/ffmpeg", X_OK) != 0 || access("/usr/bin/ffprobe", X_OK) != 0) {
        skip();
        return;
    }
    char *dir = nb_test_tmpdir("broadcast_ffmpeg");
    static const char *const outputs[] = {
        "output: {file: b.wav, bits: 24, rate: 48000, channels: 2}\n",
        "output: b.flac\nloudness: broadcast\n",
        "output: {file: b.mp3, rate: 44100}\nloudness: atsc\n",
        "output: b.ogg\nloudness: alexa\n",
        "output: b.opus\nloudness: -18\n",
    };
    static const double target[] = {-16, -23, -24, -14, -18}, ceiling[] = {-1, -1, -2, -2, -1};
    for (size_t i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++) {
        char *path = briefing(dir, "b.yaml", outputs[i]);
        struct nb_bulletin bl;
        build(path, dir, &bl);
        char cmd[2600], *out;
        snprintf(cmd, sizeof(cmd),
                 "ffmpeg -hide_banner -nostats -i '%s' -af ebur128=peak=true -f null - 2>&1 | "
                 "tail -n 12",
                 bl.output);
        run_shell(cmd, &out);
        const char *in = strstr(out, "I:"), *pk = strstr(out, "Peak:");
        assert_non_null(in);
        assert_non_null(pk);
        double lufs = strtod(in + 2, NULL), peak = strtod(pk + 5, NULL);
        if (fabs(lufs - target[i]) > 0.5 || peak > ceiling[i])
            fail_msg("%s: ffmpeg reads %.1f LUFS, %.1f dBTP (target %.0f, ceiling %.0f)", bl.output,
                     lufs, peak, target[i], ceiling[i]);
        free(out);
        snprintf(cmd, sizeof(cmd), "ffprobe -v error -show_chapters '%s'", bl.output);
        run_shell(cmd, &out);
        int chapters = 0;
        for (const char *c = out; (c = strstr(c, "[CHAPTER]")); c++)
            chapters++;
        if (chapters != (int)bl.audio.timeline.nchapters)
            fail_msg("%s: ffprobe lists %d chapters, not %zu", bl.output, chapters,
                     bl.audio.timeline.nchapters);
        assert_non_null(strstr(out, "Island ferry returns after winter repairs"));
        free(out);
        nb_bulletin_release(&bl);
        free(path);
    }
    free(dir);
}

/* A sine of `seconds` at 44.1 kHz stereo, quiet (-30 dBFS). */
static void write_sting(const char *path, double seconds)
{
    SF_INFO info = {.samplerate = 44100, .channels = 2, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
    SNDFILE *f = sf_open(path, SFM_WRITE, &info);
    assert_non_null(f);
    size_t n = (size_t)(seconds * 44100);
    float *buf = malloc(n * 2 * sizeof(float));
    assert_non_null(buf);
    for (size_t i = 0; i < n; i++)
        buf[2 * i] = buf[2 * i + 1] =
            (float)(0.0316 * sin(2 * 3.14159265 * 440 * (double)i / 44100));
    assert_int_equal(sf_writef_float(f, buf, (sf_count_t)n), (sf_count_t)n);
    sf_close(f);
    free(buf);
}

/* Jingles before, between and after the stories, brought to the speech's
 * loudness; one that is not audio refused at its line and column. */
static void test_jingles(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("broadcast_jingles");
    char sting[1200], bad[1200];
    snprintf(sting, sizeof(sting), "%s/sting.wav", dir);
    write_sting(sting, 2.0);
    char *plain = briefing(dir, "plain.yaml", "output: plain.wav\n");
    char *path = briefing(dir, "b.yaml",
                          "output: jingled.wav\n"
                          "jingles: {intro: sting.wav, between: sting.wav, outro: sting.wav}\n");
    struct nb_bulletin a, b;
    build(plain, dir, &a);
    build(path, dir, &b);
    /* three jingles of 2 s, each with a breath after it */
    double extra = b.seconds - a.seconds;
    if (extra < 6.0 || extra > 9.0)
        fail_msg("jingles added %.2f s", extra);
    /* the intro jingle, at the start, is about as loud as the speech */
    SF_INFO info;
    float *s = decode(b.output, &info);
    struct nb_loudness_meter *m;
    struct nb_error err;
    double jingle_lufs, all_lufs;
    assert_int_equal(nb_loudness_meter_new(&m, (unsigned)info.samplerate, 1, &err), NB_OK);
    assert_int_equal(nb_loudness_meter_add_float(m, s, (size_t)info.samplerate * 2, &err), NB_OK);
    assert_int_equal(nb_loudness_meter_result(m, &jingle_lufs, NULL, &err), NB_OK);
    nb_loudness_meter_free(m);
    loudness_of(s, &info, &all_lufs, NULL);
    if (fabs(jingle_lufs - all_lufs) > 3.0)
        fail_msg("jingle %.1f LUFS, bulletin %.1f LUFS", jingle_lufs, all_lufs);
    free(s);
    /* chapters still start at the stories */
    assert_string_equal(b.audio.timeline.chapters[1].title,
                        "Island ferry returns after winter repairs");
    nb_bulletin_release(&a);
    nb_bulletin_release(&b);

    /* a jingle that is not audio: said before anything is spoken */
    snprintf(bad, sizeof(bad), "%s/notes.txt", dir);
    FILE *f = fopen(bad, "w");
    assert_non_null(f);
    fputs("not a sound\n", f);
    fclose(f);
    char *broken = briefing(dir, "broken.yaml", "output: x.wav\njingles: {outro: notes.txt}\n");
    nb_bulletin_init(&b);
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_build(&b, broken, dir, &err), NB_EINPUT);
    assert_int_equal(err.line, 8);
    assert_non_null(strstr(err.message, "'outro': '"));
    assert_non_null(strstr(err.message, "notes.txt': not an audio file"));
    char x[1200];
    snprintf(x, sizeof(x), "%s/x.wav", dir);
    assert_false(exists(x));
    nb_bulletin_release(&b);
    free(broken);
    free(plain);
    free(path);
    free(dir);
}

/* A folder that cannot be written (here: a path through a regular file,
 * which even root cannot write into): a clear error naming it, nothing
 * left, and the bulletin written before untouched. */
static void test_unwritable_folder(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("broadcast_unwritable");
    char *path = briefing(dir, "b.yaml", "output: island.mp3\n");
    struct nb_bulletin bl;
    build(path, dir, &bl);
    struct stat before;
    assert_int_equal(stat(bl.output, &before), 0);
    nb_bulletin_release(&bl);
    char blocker[1200];
    snprintf(blocker, sizeof(blocker), "%s/island.mp3/out", dir);
    struct nb_error err;
    nb_error_init(&err);
    nb_bulletin_init(&bl);
    assert_int_not_equal(nb_bulletin_build(&bl, path, blocker, &err), NB_OK);
    char said[1024];
    assert_non_null(strstr(nb_error_format(&err, said, sizeof(said)), "island.mp3"));
    nb_bulletin_release(&bl);
    char audio[1200];
    snprintf(audio, sizeof(audio), "%s/island.mp3", dir);
    struct stat after;
    assert_int_equal(stat(audio, &after), 0);
    assert_int_equal(after.st_size, before.st_size);
    assert_int_equal(temporary_files(dir), 0);
    free(path);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mp3_per_story),
        cmocka_unit_test(test_transcript_timing),
        cmocka_unit_test(test_every_format_by_ffmpeg),
        cmocka_unit_test(test_jingles),
        cmocka_unit_test(test_unwritable_folder),
        cmocka_unit_test(test_disk_full_keeps_the_old_bulletin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
