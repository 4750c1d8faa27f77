#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sndfile.h>

#include "speech/encoder.h"
#include "support.h"
#include "text/buf.h"

#define PI 3.14159265358979323846
#define FFPROBE "/usr/bin/ffprobe"

static const char TITLE[] = "Morning bulletin \xe2\x80\x94 1 May"; /* an em dash */
static const struct nb_audio_meta META = {TITLE, "2024-05-01", "Radio Example", "Three stories"};
static const struct nb_audio_chapter CHAPTERS[] = {{0.0, "Intro"},
                                                   {0.5, "W\xc3\xa9"
                                                         "ather"},
                                                   {1.25, "Sport"}};
#define NCHAPTERS 3

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

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int have_ffprobe(void)
{
    return access(FFPROBE, X_OK) == 0;
}

/* n frames: channel 0 a 1 kHz sine at 0.5, channel 1 at 0.25. */
static float *sine(unsigned rate, unsigned channels, size_t n)
{
    float *s = malloc(n * channels * sizeof(float) + 1);
    for (size_t i = 0; i < n; i++)
        for (unsigned c = 0; c < channels; c++)
            s[i * channels + c] = (float)(0.5 / (c + 1) * sin(2 * PI * 1000.0 * i / rate));
    return s;
}

/* Writes `seconds` of sine in pieces through the writer. */
static nb_status write_sine(const char *path, const struct nb_audio_format *f,
                            const struct nb_audio_meta *meta, const struct nb_audio_chapter *ch,
                            size_t nch, double seconds, struct nb_error *err)
{
    size_t n = (size_t)llround(seconds * f->rate);
    float *s = sine(f->rate, f->channels, n);
    struct nb_audio_writer *w;
    nb_status rc = nb_audio_writer_open(&w, path, f, meta, ch, nch, NULL, err);
    if (rc != NB_OK) {
        free(s);
        return rc;
    }
    for (size_t off = 0; off < n && rc == NB_OK; off += 10000)
        rc =
            nb_audio_writer_write(w, s + off * f->channels, n - off < 10000 ? n - off : 10000, err);
    free(s);
    if (rc != NB_OK) {
        nb_audio_writer_abort(w);
        return rc;
    }
    assert_int_equal(nb_audio_writer_frames(w), n);
    return nb_audio_writer_commit(w, err);
}

/* ------------------------------------------------------ reading back */

struct decoded {
    SF_INFO info;
    float *s;
    char title[256];
};

static void decode(const char *path, struct decoded *d)
{
    memset(d, 0, sizeof(*d));
    SNDFILE *sf = sf_open(path, SFM_READ, &d->info);
    if (!sf)
        fail_msg("%s: %s", path, sf_strerror(NULL));
    const char *t = sf_get_string(sf, SF_STR_TITLE);
    snprintf(d->title, sizeof(d->title), "%s", t ? t : "");
    /* frames may be unknown (MP3): read until the end */
    size_t alloc = 48000 * 4, n = 0, ch = (size_t)d->info.channels;
    d->s = malloc(alloc * ch * sizeof(float));
    for (;;) {
        if (n == alloc) {
            alloc *= 2;
            d->s = realloc(d->s, alloc * ch * sizeof(float));
        }
        sf_count_t got = sf_readf_float(sf, d->s + n * ch, (sf_count_t)(alloc - n));
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    d->info.frames = (sf_count_t)n;
    sf_close(sf);
}

/* RMS in dB of channel c over frames [from, to). */
static double rms_db(const struct decoded *d, unsigned c, size_t from, size_t to)
{
    double sum = 0;
    size_t ch = (size_t)d->info.channels;
    for (size_t i = from; i < to; i++)
        sum += (double)d->s[i * ch + c] * d->s[i * ch + c];
    return 10 * log10(sum / (double)(to - from));
}

static int sf_format_of(const struct nb_audio_format *f)
{
    switch (f->container) {
    case NB_AUDIO_WAV:
        return SF_FORMAT_WAV | (f->bits == 24 ? SF_FORMAT_PCM_24 : SF_FORMAT_PCM_16);
    case NB_AUDIO_FLAC:
        return SF_FORMAT_FLAC | (f->bits == 24 ? SF_FORMAT_PCM_24 : SF_FORMAT_PCM_16);
    case NB_AUDIO_MP3:
        return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    case NB_AUDIO_OGG_VORBIS:
        return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case NB_AUDIO_OGG_OPUS:
        return SF_FORMAT_OGG | SF_FORMAT_OPUS;
    }
    return 0;
}

/* Decodes `path` and checks its format, length and level. */
static void check_audio(const char *path, const struct nb_audio_format *f, size_t frames,
                        int check_title)
{
    struct decoded d;
    decode(path, &d);
    int lossless = f->container == NB_AUDIO_WAV || f->container == NB_AUDIO_FLAC;
    assert_int_equal(d.info.format, sf_format_of(f));
    assert_int_equal(d.info.channels, (int)f->channels);
    assert_int_equal(d.info.samplerate, (int)f->rate);
    long got = (long)d.info.frames, diff = got - (long)frames;
    if (f->container != NB_AUDIO_MP3) /* Ogg keeps the exact length too */
        assert_int_equal(diff, 0);
    else if (labs(diff) > 2500) /* MPEG-2 at 22050 Hz decodes 1404 frames long */
        fail_msg("%s: %ld frames, wanted about %zu", path, got, frames);
    /* a steady second in the middle */
    size_t from = f->rate / 2, to = from + f->rate;
    for (unsigned c = 0; c < f->channels; c++) {
        double want = 20 * log10(0.5 / (c + 1) / sqrt(2.0)), db = rms_db(&d, c, from, to);
        if (fabs(db - want) > (lossless ? 0.01 : 0.5))
            fail_msg("%s: channel %u at %.3f dB, wanted %.3f dB", path, c, db, want);
    }
    if (check_title)
        assert_string_equal(d.title, TITLE);
    free(d.s);
}

/* Runs ffprobe on path: the chapters as "start|end|title" lines. */
static char *ffprobe_chapters(const char *path)
{
    char *argv[] = {FFPROBE,
                    "-v",
                    "error",
                    "-show_entries",
                    "chapter=start_time,end_time:chapter_tags=title",
                    "-of",
                    "compact=p=0:nk=1",
                    (char *)path,
                    NULL};
    char *out = NULL, *errs = NULL;
    int rc = nb_test_run(argv, NULL, &out, &errs);
    if (rc != 0)
        fail_msg("ffprobe %s: exit %d: %s", path, rc, errs);
    free(errs);
    return out;
}

/* Checks ffprobe's "start|end|title" lines against chapters[0..n) of audio
 * lasting `seconds`: starts within a frame (cue points are whole frames),
 * the end within 10 ms (lossy codecs pad). */
static void check_ffprobe_lines(const char *path, const char *got,
                                const struct nb_audio_chapter *ch, size_t n, double seconds)
{
    const char *p = got;
    for (size_t i = 0; i < n; i++) {
        double start, end;
        int used = 0;
        if (sscanf(p, "%lf|%lf|%n", &start, &end, &used) != 2 || !used)
            fail_msg("%s: chapter %zu missing in ffprobe's\n%s", path, i + 1, got);
        double want_end = i + 1 < n ? ch[i + 1].start : seconds;
        const char *eol = strchr(p + used, '\n');
        assert_non_null(eol);
        if (fabs(start - ch[i].start) > 1e-4 || fabs(end - want_end) > 0.01 ||
            strncmp(p + used, ch[i].title, (size_t)(eol - p - used)) != 0 ||
            strlen(ch[i].title) != (size_t)(eol - p - used))
            fail_msg("%s: chapter %zu wrong in ffprobe's\n%s", path, i + 1, got);
        p = eol + 1;
    }
    assert_string_equal(p, "");
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* WAV: our own RIFF walk finds the cue points and their labl names. */
static void check_wav_chapters(const char *path, unsigned rate)
{
    size_t len;
    unsigned char *d = (unsigned char *)nb_test_file(path, &len);
    assert_memory_equal(d, "RIFF", 4);
    assert_int_equal(le32(d + 4), len - 8);
    assert_memory_equal(d + 8, "WAVE", 4);
    uint32_t ncues = 0, cue_id[8], cue_pos[8];
    char *labels[8] = {0};
    uint32_t label_id[8];
    size_t nlabels = 0;
    for (size_t p = 12; p + 8 <= len;) {
        uint32_t size = le32(d + p + 4);
        assert_true(p + 8 + size <= len);
        const unsigned char *c = d + p + 8;
        if (memcmp(d + p, "cue ", 4) == 0) {
            ncues = le32(c);
            assert_true(ncues <= 8 && 4 + 24 * ncues == size);
            for (uint32_t i = 0; i < ncues; i++) {
                cue_id[i] = le32(c + 4 + 24 * i);
                cue_pos[i] = le32(c + 4 + 24 * i + 4);
                assert_memory_equal(c + 4 + 24 * i + 8, "data", 4);
                assert_int_equal(le32(c + 4 + 24 * i + 20), cue_pos[i]); /* sample offset */
            }
        } else if (memcmp(d + p, "LIST", 4) == 0 && memcmp(c, "adtl", 4) == 0) {
            for (size_t q = 4; q + 8 <= size;) {
                uint32_t sz = le32(c + q + 4);
                if (memcmp(c + q, "labl", 4) == 0 && nlabels < 8) {
                    label_id[nlabels] = le32(c + q + 8);
                    labels[nlabels++] = strndup((const char *)c + q + 12, sz - 4);
                }
                q += 8 + sz + (sz & 1);
            }
        }
        p += 8 + size + (size & 1);
    }
    assert_int_equal(ncues, NCHAPTERS);
    assert_int_equal(nlabels, NCHAPTERS);
    for (size_t i = 0; i < NCHAPTERS; i++) {
        assert_int_equal(cue_pos[i], (uint32_t)llround(CHAPTERS[i].start * rate));
        assert_int_equal(label_id[i], cue_id[i]);
        assert_string_equal(labels[i], CHAPTERS[i].title);
        free(labels[i]);
    }
    free(d);
}

/* FLAC: the metadata blocks are well formed (one last block) and the
 * VORBIS_COMMENT block holds the chapters after the title. */
static void check_flac_chapters(const char *path)
{
    size_t len;
    unsigned char *d = (unsigned char *)nb_test_file(path, &len);
    assert_memory_equal(d, "fLaC", 4);
    size_t p = 4, vc = 0, vc_len = 0;
    int last = 0;
    while (!last) {
        assert_true(p + 4 <= len);
        size_t n = (size_t)d[p + 1] << 16 | (size_t)d[p + 2] << 8 | d[p + 3];
        last = d[p] & 0x80;
        if ((d[p] & 0x7F) == 4) {
            assert_int_equal(vc, 0);
            vc = p + 4;
            vc_len = n;
        }
        p += 4 + n;
    }
    assert_int_equal(d[p], 0xFF); /* a frame sync code follows the metadata */
    assert_int_not_equal(vc, 0);
    const unsigned char *c = d + vc;
    size_t q = 4 + le32(c);
    uint32_t count = le32(c + q);
    q += 4;
    struct nb_buf all;
    nb_buf_init(&all, 0);
    for (uint32_t i = 0; i < count; i++) {
        uint32_t n = le32(c + q);
        nb_buf_add(&all, (const char *)c + q + 4, n);
        nb_buf_addc(&all, '\n');
        q += 4 + n;
    }
    assert_int_equal(q, vc_len);
    const char *want = "CHAPTER001=00:00:00.000\nCHAPTER001NAME=Intro\n"
                       "CHAPTER002=00:00:00.500\nCHAPTER002NAME=W\xc3\xa9"
                       "ather\n"
                       "CHAPTER003=00:00:01.250\nCHAPTER003NAME=Sport\n";
    assert_non_null(strstr(all.data, want));
    assert_non_null(strstr(all.data, "title=Morning bulletin"));
    nb_buf_release(&all);
    free(d);
}

/* MP3: our ID3v2.3 tag at the start, with a CTOC and one CHAP a chapter. */
static void check_mp3_tag(const char *path)
{
    size_t len;
    unsigned char *d = (unsigned char *)nb_test_file(path, &len);
    assert_memory_equal(d, "ID3\x03\x00", 5);
    size_t body = (size_t)d[6] << 21 | (size_t)d[7] << 14 | (size_t)d[8] << 7 | d[9];
    assert_true(10 + body < len);
    assert_int_equal(d[10 + body], 0xFF); /* an MPEG frame follows the tag */
    int toc = 0, chap = 0, title = 0;
    for (size_t p = 10; p + 10 <= 10 + body && d[p];) {
        uint32_t n = be32(d + p + 4);
        const unsigned char *c = d + p + 10;
        if (memcmp(d + p, "CTOC", 4) == 0) {
            assert_memory_equal(c,
                                "toc\0\x03\x03"
                                "chp1\0chp2\0chp3\0",
                                21);
            toc++;
        } else if (memcmp(d + p, "CHAP", 4) == 0) {
            char id[16];
            snprintf(id, sizeof(id), "chp%d", chap + 1);
            assert_string_equal((const char *)c, id);
            assert_int_equal(be32(c + 5), (uint32_t)llround(CHAPTERS[chap].start * 1000));
            assert_int_equal(be32(c + 9), chap + 1 < NCHAPTERS
                                              ? (uint32_t)llround(CHAPTERS[chap + 1].start * 1000)
                                              : 2000);
            assert_memory_equal(c + 21, "TIT2", 4);
            chap++;
        } else if (memcmp(d + p, "TIT2", 4) == 0) {
            /* the em dash needs UTF-16 */
            assert_memory_equal(c, "\x01\xff\xfeM\0o\0", 7);
            title++;
        }
        p += 10 + n;
    }
    assert_int_equal(toc, 1);
    assert_int_equal(chap, NCHAPTERS);
    assert_int_equal(title, 1);
    free(d);
}

/* ----------------------------------------------------------------- tests */

struct format_case {
    const char *name;
    enum nb_audio_container container;
    unsigned rate, channels, bits;
};

static const struct format_case CASES[] = {
    {"a.wav", NB_AUDIO_WAV, 22050, 1, 16},        {"b.wav", NB_AUDIO_WAV, 44100, 2, 24},
    {"c.wav", NB_AUDIO_WAV, 48000, 1, 24},        {"a.flac", NB_AUDIO_FLAC, 22050, 1, 16},
    {"b.flac", NB_AUDIO_FLAC, 48000, 2, 24},      {"c.flac", NB_AUDIO_FLAC, 44100, 2, 16},
    {"a.mp3", NB_AUDIO_MP3, 22050, 1, 16},        {"b.mp3", NB_AUDIO_MP3, 44100, 2, 16},
    {"c.mp3", NB_AUDIO_MP3, 48000, 1, 16},        {"a.ogg", NB_AUDIO_OGG_VORBIS, 22050, 1, 16},
    {"b.ogg", NB_AUDIO_OGG_VORBIS, 44100, 2, 16}, {"c.ogg", NB_AUDIO_OGG_VORBIS, 48000, 1, 16},
    {"a.opus", NB_AUDIO_OGG_OPUS, 48000, 1, 16},  {"b.opus", NB_AUDIO_OGG_OPUS, 48000, 2, 16},
    {"c.opus", NB_AUDIO_OGG_OPUS, 24000, 1, 16},
};

static void check_chapters(const char *path, const struct nb_audio_format *f)
{
    if (f->container == NB_AUDIO_WAV)
        check_wav_chapters(path, f->rate);
    else if (f->container == NB_AUDIO_FLAC)
        check_flac_chapters(path);
    else if (f->container == NB_AUDIO_MP3)
        check_mp3_tag(path);
    if (!have_ffprobe())
        return; /* the Ogg chapters are only checked by ffprobe */
    char *got = ffprobe_chapters(path);
    check_ffprobe_lines(path, got, CHAPTERS, NCHAPTERS, 2.0);
    free(got);
}

static void test_every_format(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("encoder-formats");
    mode_t mask = umask(0);
    umask(mask);
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
        const struct format_case *c = &CASES[i];
        char *path = path_in(dir, c->name);
        struct nb_audio_format f;
        struct nb_error err;
        nb_error_init(&err);
        assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
        assert_int_equal(f.container, c->container);
        f.rate = c->rate;
        f.channels = c->channels;
        f.bits = c->bits;
        nb_status rc = write_sine(path, &f, &META, CHAPTERS, NCHAPTERS, 2.0, &err);
        if (rc != NB_OK)
            fail_msg("%s: %s", c->name, err.message);
        /* libsndfile reads no title from MP3 */
        check_audio(path, &f, 2 * (size_t)c->rate, c->container != NB_AUDIO_MP3);
        check_chapters(path, &f);
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_mode & 0777, 0644 & ~mask);
        free(path);
    }
    assert_int_equal(entries(dir), (int)(sizeof(CASES) / sizeof(CASES[0])));
    free(dir);
}

/* No metadata and no chapters: plain files; MP3 gets no tag at all. */
static void test_plain_files(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("encoder-plain");
    const char *names[] = {"p.wav", "p.flac", "p.mp3", "p.ogg", "p.opus"};
    for (size_t i = 0; i < 5; i++) {
        char *path = path_in(dir, names[i]);
        struct nb_audio_format f;
        struct nb_error err;
        assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
        assert_int_equal(f.rate, f.container == NB_AUDIO_OGG_OPUS ? 48000 : 22050);
        assert_int_equal(f.channels, 1);
        assert_int_equal(f.bits, 16);
        assert_int_equal(write_sine(path, &f, NULL, NULL, 0, 1.0, &err), NB_OK);
        struct decoded d;
        decode(path, &d);
        assert_int_equal(d.info.samplerate, (int)f.rate);
        assert_string_equal(d.title, "");
        free(d.s);
        if (f.container == NB_AUDIO_MP3) {
            size_t len;
            char *data = nb_test_file(path, &len);
            assert_int_equal((unsigned char)data[0], 0xFF);
            free(data);
        }
        if (have_ffprobe()) {
            char *got = ffprobe_chapters(path);
            assert_string_equal(got, "");
            free(got);
        }
        free(path);
    }
    free(dir);
}

/* Metadata without chapters goes where each container keeps it. */
static void test_metadata_tags(void **state)
{
    (void)state;
    if (!have_ffprobe())
        skip();
    char *dir = nb_test_tmpdir("encoder-meta");
    const char *names[] = {"m.wav", "m.flac", "m.mp3", "m.ogg", "m.opus"};
    for (size_t i = 0; i < 5; i++) {
        char *path = path_in(dir, names[i]);
        struct nb_audio_format f;
        struct nb_error err;
        assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
        assert_int_equal(write_sine(path, &f, &META, NULL, 0, 1.0, &err), NB_OK);
        /* Ogg keeps the tags in the stream, the others in the file */
        char *argv[] = {
            FFPROBE,        "-v", "error", "-show_entries", "format_tags:stream_tags", "-of",
            "default=nw=1", path, NULL};
        char *out = NULL;
        assert_int_equal(nb_test_run(argv, NULL, &out, NULL), 0);
        /* keys in lower case: Ogg's are TAG:TITLE= */
        for (char *line = out; *line;
             line += strcspn(line, "\n") + (line[strcspn(line, "\n")] != 0))
            for (char *q = line; *q && *q != '=' && *q != '\n'; q++)
                *q = (char)tolower((unsigned char)*q);
        if (!strstr(out, "tag:title=Morning bulletin \xe2\x80\x94 1 May\n") ||
            !strstr(out, "tag:artist=Radio Example\n") || !strstr(out, "tag:date=2024-05-01\n") ||
            !strstr(out, "tag:comment=Three stories\n"))
            fail_msg("%s: ffprobe read\n%s", names[i], out);
        free(out);
        free(path);
    }
    free(dir);
}

/* Many long chapter names: the Ogg comment header spans several pages,
 * so every audio page is renumbered; the files must still decode. */
static void test_many_chapters(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("encoder-many");
    size_t n = 250;
    struct nb_audio_chapter *ch = calloc(n, sizeof(*ch));
    char long_name[400];
    memset(long_name, 'x', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    for (size_t i = 0; i < n; i++) {
        ch[i].start = (double)i * 0.04;
        ch[i].title = long_name;
    }
    const char *names[] = {"n.wav", "n.flac", "n.mp3", "n.ogg", "n.opus"};
    for (size_t i = 0; i < 5; i++) {
        char *path = path_in(dir, names[i]);
        struct nb_audio_format f;
        struct nb_error err;
        assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
        if (write_sine(path, &f, &META, ch, n, 12.0, &err) != NB_OK)
            fail_msg("%s: %s", names[i], err.message);
        check_audio(path, &f, 12 * (size_t)f.rate, f.container != NB_AUDIO_MP3);
        /* the same audio as a file without chapters: no page or frame lost */
        char plain_name[16];
        snprintf(plain_name, sizeof(plain_name), "plain%s", strchr(names[i], '.'));
        char *plain = path_in(dir, plain_name);
        assert_int_equal(write_sine(plain, &f, NULL, NULL, 0, 12.0, &err), NB_OK);
        struct decoded a, b;
        decode(path, &a);
        decode(plain, &b);
        assert_int_equal(a.info.frames, b.info.frames);
        assert_memory_equal(a.s, b.s, (size_t)a.info.frames * f.channels * sizeof(float));
        free(a.s);
        free(b.s);
        free(plain);
        if (have_ffprobe()) {
            char *got = ffprobe_chapters(path);
            check_ffprobe_lines(path, got, ch, n, 12.0);
            free(got);
        }
        free(path);
    }
    free(ch);
    free(dir);
}

static void test_format_from_path(void **state)
{
    (void)state;
    struct nb_audio_format f;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_audio_format_from_path("x.aiff", &f, &err), NB_EINPUT);
    assert_string_equal(err.message, "'x.aiff': no audio format for the extension '.aiff' (use "
                                     ".wav, .flac, .mp3, .ogg or .opus)");
    assert_int_equal(nb_audio_format_from_path("out/bulletin", &f, &err), NB_EINPUT);
    assert_int_equal(nb_audio_format_from_path("dir.mp3/.wav", &f, &err), NB_EINPUT);
    assert_int_equal(nb_audio_format_from_path("dir.wav/x", &f, &err), NB_EINPUT);
    assert_int_equal(nb_audio_format_from_path("LOUD.FLAC", &f, &err), NB_OK);
    assert_int_equal(f.container, NB_AUDIO_FLAC);
    assert_int_equal(nb_audio_format_from_path("a.b.Opus", &f, &err), NB_OK);
    assert_int_equal(f.container, NB_AUDIO_OGG_OPUS);
    assert_int_equal(f.rate, 48000);
    assert_int_equal(nb_audio_format_check(&f, &err), NB_OK);
    f.rate = 22050;
    assert_int_equal(nb_audio_format_check(&f, &err), NB_EINPUT);
    assert_string_equal(err.message, "Opus cannot be written at 22050 Hz (use 48000 or 24000 Hz)");
    f.rate = 24000;
    assert_int_equal(nb_audio_format_check(&f, &err), NB_OK);
    assert_int_equal(nb_audio_format_from_path("x.mp3", &f, &err), NB_OK);
    f.rate = 16000;
    assert_int_equal(nb_audio_format_check(&f, &err), NB_EINPUT);
    assert_string_equal(err.message,
                        "MP3 cannot be written at 16000 Hz (use 22050, 24000, 44100 or 48000 Hz)");
    f.rate = 44100;
    f.bits = 8; /* ignored by MP3 */
    assert_int_equal(nb_audio_format_check(&f, &err), NB_OK);
    f.channels = 3;
    assert_int_equal(nb_audio_format_check(&f, &err), NB_EINPUT);
    assert_string_equal(err.message, "cannot write 3 channels (use 1 or 2)");
    assert_int_equal(nb_audio_format_from_path("x.wav", &f, &err), NB_OK);
    f.bits = 32;
    assert_int_equal(nb_audio_format_check(&f, &err), NB_EINPUT);
    assert_string_equal(err.message, "WAV cannot be written with 32 bits (use 16 or 24)");
    assert_string_equal(nb_audio_container_name(NB_AUDIO_OGG_VORBIS), "Ogg Vorbis");
}

/* Out-of-range samples are clipped, NaN is silence. */
static void test_clipping(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("encoder-clip");
    char *path = path_in(dir, "clip.wav");
    struct nb_audio_format f;
    struct nb_error err;
    assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
    struct nb_audio_writer *w;
    assert_int_equal(nb_audio_writer_open(&w, path, &f, NULL, NULL, 0, NULL, &err), NB_OK);
    const float s[] = {2.0f, -3.0f, NAN, 1.0f, -1.0f, 0.5f, INFINITY};
    assert_int_equal(nb_audio_writer_write(w, s, 7, &err), NB_OK);
    assert_int_equal(nb_audio_writer_commit(w, &err), NB_OK);
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    assert_non_null(sf);
    short back[7];
    assert_int_equal(sf_read_short(sf, back, 7), 7);
    sf_close(sf);
    assert_int_equal(back[0], 32767);
    assert_true(back[1] <= -32767);
    assert_int_equal(back[2], 0);
    assert_int_equal(back[3], 32767);
    assert_true(back[4] <= -32767);
    assert_true(abs(back[5] - 16384) <= 1);
    assert_int_equal(back[6], 32767);
    free(path);
    free(dir);
}

static void test_bad_chapters_and_folders(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("encoder-bad");
    char *path = path_in(dir, "out.flac");
    struct nb_audio_format f;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
    struct nb_audio_writer *w = (struct nb_audio_writer *)&w;
    struct nb_audio_chapter back[] = {{1.0, "b"}, {0.5, "a"}};
    assert_int_equal(nb_audio_writer_open(&w, path, &f, NULL, back, 2, NULL, &err), NB_EINPUT);
    assert_null(w);
    assert_string_equal(err.file, path);
    assert_string_equal(err.message, "chapter 2 starts at 0.5 s, not after chapter 1 (1 s)");
    struct nb_audio_chapter neg[] = {{-1.0, "a"}};
    assert_int_equal(nb_audio_writer_open(&w, path, &f, NULL, neg, 1, NULL, &err), NB_EINPUT);
    f.rate = 8000;
    assert_int_equal(nb_audio_writer_open(&w, path, &f, NULL, NULL, 0, NULL, &err), NB_EINPUT);
    assert_string_equal(err.file, path);
    f.rate = 22050;
    /* a chapter after the end: nothing is written, the old file stays */
    assert_int_equal(write_sine(path, &f, NULL, NULL, 0, 0.5, &err), NB_OK);
    size_t old_len;
    char *old = nb_test_file(path, &old_len);
    struct nb_audio_chapter late[] = {{0.0, "a"}, {3.0, "late"}};
    assert_int_equal(write_sine(path, &f, NULL, late, 2, 2.0, &err), NB_EINPUT);
    assert_string_equal(err.message,
                        "chapter 2 starts at 3.000 s, after the end of the audio (2.000 s)");
    size_t now_len;
    char *now = nb_test_file(path, &now_len);
    assert_int_equal(now_len, old_len);
    assert_memory_equal(now, old, old_len);
    assert_int_equal(entries(dir), 1);
    free(old);
    free(now);
    /* missing folder, a file in the way, a locked folder (root writes anyway) */
    char *missing = path_in(dir, "no/such/out.wav");
    assert_int_equal(nb_audio_format_from_path(missing, &f, &err), NB_OK);
    assert_int_equal(nb_audio_writer_open(&w, missing, &f, NULL, NULL, 0, NULL, &err), NB_EIO);
    assert_string_equal(err.file, missing);
    char *locked = path_in(dir, "locked");
    assert_int_equal(mkdir(locked, 0500), 0);
    char *in_locked = path_in(dir, "locked/out.wav");
    if (geteuid() != 0) {
        assert_int_equal(nb_audio_writer_open(&w, in_locked, &f, NULL, NULL, 0, NULL, &err),
                         NB_EIO);
        assert_string_equal(err.file, in_locked);
        assert_int_equal(entries(locked), 0);
    }
    chmod(locked, 0755);
    free(locked);
    free(in_locked);
    free(missing);
    free(path);
    free(dir);
}

/* The temporary file: named for the output, gone after abort. */
static void test_temp_path_and_abort(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("encoder-abort");
    char *path = path_in(dir, "out.mp3");
    struct nb_audio_format f;
    struct nb_error err;
    assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
    struct nb_audio_writer *w;
    assert_int_equal(nb_audio_writer_open(&w, path, &f, &META, CHAPTERS, NCHAPTERS, NULL, &err),
                     NB_OK);
    const char *tmp = nb_audio_writer_temp_path(w);
    char *prefix = path_in(dir, ".out.mp3.tmp-");
    assert_int_equal(strncmp(tmp, prefix, strlen(prefix)), 0);
    assert_int_equal(strlen(tmp), strlen(prefix) + 6);
    assert_true(exists(tmp));
    float *s = sine(22050, 1, 22050);
    assert_int_equal(nb_audio_writer_write(w, s, 22050, &err), NB_OK);
    assert_int_equal(entries(dir), 1);
    nb_audio_writer_abort(w);
    assert_int_equal(entries(dir), 0);
    nb_audio_writer_abort(NULL);
    free(s);
    free(prefix);
    free(path);
    free(dir);
}

static void touch(const char *dir, const char *name)
{
    char *p = path_in(dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fclose(f);
    free(p);
}

static void test_clean_stale(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("encoder-stale");
    touch(dir, "out.wav");
    touch(dir, ".out.wav.tmp-abc123"); /* stale */
    touch(dir, ".out.wav.tmp-ZZ9zz0"); /* stale */
    touch(dir, ".out.wav.tmp-abc12");  /* not mkstemp's */
    touch(dir, ".out.wav.tmp-abc1234");
    touch(dir, ".out.wav.tmp-abc_12");
    touch(dir, ".other.wav.tmp-abc123");
    touch(dir, ".out.wav.tmp-abc123.keep");
    touch(dir, "out.wav.tmp-abc123");
    char *sub = path_in(dir, ".out.wav.tmp-dir123");
    assert_int_equal(mkdir(sub, 0755), 0);
    char *path = path_in(dir, "out.wav");
    struct nb_error err;
    assert_int_equal(entries(dir), 10);
    assert_int_equal(nb_audio_clean_stale(path, &err), NB_OK);
    assert_int_equal(entries(dir), 8);
    char *gone = path_in(dir, ".out.wav.tmp-abc123");
    assert_false(exists(gone));
    assert_true(exists(sub));
    /* a folder that does not exist has nothing stale */
    char *missing = path_in(dir, "none/out.wav");
    assert_int_equal(nb_audio_clean_stale(missing, &err), NB_OK);
    /* a real temporary file of a writer is found too */
    struct nb_audio_format f;
    assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
    struct nb_audio_writer *w;
    assert_int_equal(nb_audio_writer_open(&w, path, &f, NULL, NULL, 0, NULL, &err), NB_OK);
    char *tmp = strdup(nb_audio_writer_temp_path(w));
    assert_int_equal(nb_audio_clean_stale(path, &err), NB_OK);
    assert_false(exists(tmp));
    nb_audio_writer_abort(w);
    free(tmp);
    free(missing);
    free(gone);
    free(path);
    free(sub);
    free(dir);
}

/* In a child with a file size limit (SIGXFSZ ignored, so writes fail with
 * EFBIG): writes `seconds` to path (without metadata and chapters when
 * `plain`) and exits 0 when the writer reported
 * NB_EIO naming the file with a message starting `message`, 1 when it
 * succeeded, 2 on another error. */
static int write_limited(const char *path, const struct nb_audio_format *f, double seconds,
                         rlim_t limit, int plain, const char *message)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim;
        getrlimit(RLIMIT_FSIZE, &lim);
        lim.rlim_cur = limit;
        if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
            _exit(3);
        struct nb_error err;
        nb_error_init(&err);
        nb_status rc = plain ? write_sine(path, f, NULL, NULL, 0, seconds, &err)
                             : write_sine(path, f, &META, CHAPTERS, NCHAPTERS, seconds, &err);
        if (rc == NB_OK)
            _exit(1);
        int named = rc == NB_EIO && strcmp(err.file, path) == 0;
        _exit(named && strncmp(err.message, message, strlen(message)) == 0 ? 0 : 2);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

/* Disk full half way (and, for FLAC and MP3, while adding the chapters at
 * commit): an error, no temporary file, the previous file intact. */
static void test_disk_full_keeps_previous(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("encoder-full");
    const char *names[] = {"full.wav", "full.flac", "full.mp3", "full.ogg", "full.opus"};
    for (size_t i = 0; i < 5; i++) {
        char *path = path_in(dir, names[i]);
        struct nb_audio_format f;
        struct nb_error err;
        assert_int_equal(nb_audio_format_from_path(path, &f, &err), NB_OK);
        f.rate = 48000;
        f.channels = 2;
        assert_int_equal(write_sine(path, &f, &META, CHAPTERS, NCHAPTERS, 2.0, &err), NB_OK);
        size_t old_len;
        char *old = nb_test_file(path, &old_len);
        /* 60 s cannot fit in 20 kB */
        assert_int_equal(
            write_limited(path, &f, 60.0, 20000, 0, "cannot write audio: File too large"), 0);
        /* libsndfile's MP3 encoder alone would not notice: no tag step to fail either */
        assert_int_equal(
            write_limited(path, &f, 60.0, 20000, 1, "cannot write audio: File too large"), 0);
        size_t len;
        char *now = nb_test_file(path, &len);
        assert_int_equal(len, old_len);
        assert_memory_equal(now, old, len);
        free(now);
        assert_int_equal(entries(dir), (int)i + 1);
        if (f.container == NB_AUDIO_FLAC || f.container == NB_AUDIO_MP3) {
            /* the audio fits, the chapters added at commit do not */
            assert_int_equal(write_limited(path, &f, 2.0, (rlim_t)old_len - 16, 0,
                                           "cannot write the chapters: File too large"),
                             0);
            now = nb_test_file(path, &len);
            assert_int_equal(len, old_len);
            assert_memory_equal(now, old, len);
            free(now);
            assert_int_equal(entries(dir), (int)i + 1);
        }
        free(old);
        free(path);
    }
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_format),
        cmocka_unit_test(test_plain_files),
        cmocka_unit_test(test_metadata_tags),
        cmocka_unit_test(test_many_chapters),
        cmocka_unit_test(test_format_from_path),
        cmocka_unit_test(test_clipping),
        cmocka_unit_test(test_bad_chapters_and_folders),
        cmocka_unit_test(test_temp_path_and_abort),
        cmocka_unit_test(test_clean_stale),
        cmocka_unit_test(test_disk_full_keeps_previous),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
