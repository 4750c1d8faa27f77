/* test_sidecars.c - the files beside a bulletin's audio: golden outputs of
 * a small bulletin in all five formats, the JSON ones parsed back field by
 * field, escaping, time rounding, non-finite numbers, the clean-up of the
 * timeline, and nb_sidecars_write()'s all-or-nothing writing.
 *
 * The golden files are tests/fixtures/sidecars/morning.*; after a change
 * of format, NB_UPDATE_GOLDEN=1 ./test_sidecars rewrites them (then read
 * the diff). */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "bulletin/sidecars.h"
#include "support.h"
#include "text/buf.h"
#include "text/file.h"
#include "text/strv.h"

/* ---- the small bulletin ----------------------------------------------- */

static const struct nb_sidecar_chapter chapters[] = {
    {0.0, 5.2, "Introduction", 0},
    {5.2, 30.125, "Bridge closes & traffic <diverted>", 1},
    {30.125, 42.5, "Rates held at 5%", 2},
};

static const struct nb_sidecar_cue cues[] = {
    {0.0, 2.5, NULL, "Good morning. This is the Morning Briefing.", 0},
    {5.2, 9.75, NULL, "The Harbour Bridge will close for repairs.", 1},
    {9.75, 13.0004, "Ana Lima", "We expect delays of \"about twenty minutes\".", 1},
    {13.2, 17.9, NULL, "Buses will run every 10 minutes.", 1},
    {30.125, 34.5, NULL, "The central bank held rates.", 2}, /* overlaps the next: clamped */
    {34.0, 40.0, "Dr Okafor", "Inflation is easing.", 2},
};

static const struct nb_sidecar_file files[] = {
    {"out/morning.wav", "wav", 48000, 2, 42.5, -16.02, -1.3, 0},
    {"out/stories/morning-02.mp3", "mp3", 44100, 1, 12.375, -16.5, -1.04, 2},
};

static struct nb_sidecar_bulletin morning(void)
{
    struct nb_sidecar_bulletin b = {
        .title = "Morning Briefing",
        .date = "2024-05-06",
        .publisher = "Newsbrief Radio",
        .seconds = 42.5,
        .loudness_target = "podcast (-16 LUFS, -1 dBTP)",
        .chapters = chapters,
        .nchapters = 3,
        .cues = cues,
        .ncues = 6,
        .files = files,
        .nfiles = 2,
    };
    return b;
}

typedef nb_status (*formatter)(const struct nb_sidecar_bulletin *, struct nb_buf *,
                               struct nb_error *);

static char *format(formatter f, const struct nb_sidecar_bulletin *b)
{
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 0);
    nb_error_init(&err);
    nb_status rc = f(b, &out, &err);
    if (rc != NB_OK)
        fail_msg("formatter failed: %s", err.message);
    return nb_buf_detach(&out, NULL);
}

static char *manifest(const struct nb_sidecar_bulletin *b, const char *audio_path)
{
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 0);
    nb_error_init(&err);
    if (nb_sidecars_manifest_json(b, audio_path, &out, &err) != NB_OK)
        fail_msg("manifest failed: %s", err.message);
    return nb_buf_detach(&out, NULL);
}

static void check_golden(const char *name, const char *got)
{
    char rel[256];
    snprintf(rel, sizeof(rel), "sidecars/%s", name);
    if (getenv("NB_UPDATE_GOLDEN")) {
        char path[1024];
        struct nb_error err;
        snprintf(path, sizeof(path), "%s/%s", NB_TEST_FIXTURES, rel);
        if (nb_file_write_atomic(path, got, strlen(got), &err) != NB_OK)
            fail_msg("%s", err.message);
    }
    char *want = nb_test_fixture(rel, NULL);
    assert_string_equal(got, want);
    free(want);
}

static struct json_object *parse(const char *s)
{
    struct json_tokener *tok = json_tokener_new();
    assert_non_null(tok);
    struct json_object *j = json_tokener_parse_ex(tok, s, (int)strlen(s));
    if (json_tokener_get_error(tok) != json_tokener_success)
        fail_msg("not JSON (%s): %s", json_tokener_error_desc(json_tokener_get_error(tok)), s);
    /* nothing after the document but its newline */
    size_t len = strlen(s), end = json_tokener_get_parse_end(tok);
    assert_true(len > 2 && s[len - 1] == '\n' && s[len - 2] != '\n');
    assert_true(strspn(s + end, "\n") == len - end);
    json_tokener_free(tok);
    return j;
}

static struct json_object *get(struct json_object *o, const char *key)
{
    struct json_object *v;
    if (!json_object_object_get_ex(o, key, &v))
        fail_msg("no key '%s' in %s", key, json_object_to_json_string(o));
    return v;
}

static void assert_num(struct json_object *o, const char *key, double want)
{
    struct json_object *v = get(o, key);
    assert_true(json_object_is_type(v, json_type_double) || json_object_is_type(v, json_type_int));
    double got = json_object_get_double(v);
    if (fabs(got - want) > 1e-9)
        fail_msg("%s: %.6f, want %.6f", key, got, want);
}

static void assert_str(struct json_object *o, const char *key, const char *want)
{
    struct json_object *v = get(o, key);
    assert_true(json_object_is_type(v, json_type_string));
    assert_string_equal(json_object_get_string(v), want);
}

static void assert_json_null(struct json_object *o, const char *key)
{
    assert_null(get(o, key)); /* present, and null */
}

/* ---- times ------------------------------------------------------------ */

static const char *t(double s, char mark, char out[NB_SIDECARS_TIME_SIZE])
{
    nb_sidecars_format_time(s, mark, out);
    return out;
}

static void test_time_rounding(void **state)
{
    (void)state;
    char b[NB_SIDECARS_TIME_SIZE];
    assert_string_equal(t(0, '.', b), "00:00:00.000");
    assert_string_equal(t(12.34, '.', b), "00:00:12.340");
    assert_string_equal(t(2.5, ',', b), "00:00:02,500");
    assert_string_equal(t(59.9994, '.', b), "00:00:59.999");
    assert_string_equal(t(59.9995, '.', b), "00:01:00.000");
    assert_string_equal(t(59.9996, '.', b), "00:01:00.000");
    assert_string_equal(t(60.0, '.', b), "00:01:00.000");
    assert_string_equal(t(119.99951, '.', b), "00:02:00.000");
    assert_string_equal(t(3599.9996, '.', b), "01:00:00.000");
    assert_string_equal(t(3599.999, '.', b), "00:59:59.999");
    assert_string_equal(t(3600 + 61.0004, '.', b), "01:01:01.000");
    assert_string_equal(t(86399.9999, ',', b), "24:00:00,000");
    assert_string_equal(t(360000.0, '.', b), "100:00:00.000");
    assert_string_equal(t(-3.0, '.', b), "00:00:00.000");
    assert_string_equal(t(-0.0004, '.', b), "00:00:00.000");
    assert_string_equal(t(NAN, '.', b), "00:00:00.000");
    assert_string_equal(t(1e300, '.', b), "277777:46:40.000"); /* clamped to 10^9 s */
    assert_string_equal(t(INFINITY, '.', b), "277777:46:40.000");
}

/* ---- golden outputs --------------------------------------------------- */

static void test_golden(void **state)
{
    (void)state;
    struct nb_sidecar_bulletin b = morning();
    char *s = format(nb_sidecars_chapters_json, &b);
    check_golden("morning.chapters.json", s);
    free(s);
    s = format(nb_sidecars_chapters_vtt, &b);
    check_golden("morning.chapters.vtt", s);
    free(s);
    s = format(nb_sidecars_transcript_vtt, &b);
    check_golden("morning.vtt", s);
    free(s);
    s = format(nb_sidecars_transcript_srt, &b);
    check_golden("morning.srt", s);
    free(s);
    s = manifest(&b, "out/morning.wav");
    check_golden("morning.manifest.json", s);
    free(s);
}

static void test_chapters_json_fields(void **state)
{
    (void)state;
    struct nb_sidecar_bulletin b = morning();
    char *s = format(nb_sidecars_chapters_json, &b);
    struct json_object *j = parse(s);
    assert_int_equal(json_object_object_length(j), 2);
    assert_str(j, "version", "1.2.0");
    struct json_object *list = get(j, "chapters");
    assert_true(json_object_is_type(list, json_type_array));
    assert_int_equal(json_object_array_length(list), 3);
    const double starts[] = {0, 5.2, 30.125}, ends[] = {5.2, 30.125, 42.5};
    for (size_t i = 0; i < 3; i++) {
        struct json_object *c = json_object_array_get_idx(list, i);
        assert_int_equal(json_object_object_length(c), 3);
        assert_num(c, "startTime", starts[i]);
        assert_num(c, "endTime", ends[i]);
        assert_str(c, "title", chapters[i].title);
    }
    /* startTime is a bare number: "0", not "0.0" or a string */
    assert_non_null(strstr(s, "\"startTime\": 0,"));
    assert_non_null(strstr(s, "\"startTime\": 30.125,"));
    json_object_put(j);
    free(s);
}

static void test_manifest_fields(void **state)
{
    (void)state;
    struct nb_sidecar_bulletin b = morning();
    char *s = manifest(&b, "out/morning.wav");
    struct json_object *j = parse(s);
    assert_str(j, "title", "Morning Briefing");
    assert_str(j, "date", "2024-05-06");
    assert_str(j, "publisher", "Newsbrief Radio");
    assert_num(j, "duration", 42.5);
    struct json_object *loud = get(j, "loudness");
    assert_str(loud, "target", "podcast (-16 LUFS, -1 dBTP)");
    assert_num(loud, "integrated_lufs", -16.02);
    assert_num(loud, "true_peak_dbtp", -1.3);

    struct json_object *fl = get(j, "files");
    assert_int_equal(json_object_array_length(fl), 2);
    struct json_object *f = json_object_array_get_idx(fl, 0);
    assert_str(f, "path", "morning.wav");
    assert_str(f, "format", "wav");
    assert_num(f, "rate", 48000);
    assert_true(json_object_is_type(get(f, "rate"), json_type_int));
    assert_num(f, "channels", 2);
    assert_num(f, "duration", 42.5);
    assert_num(f, "loudness_lufs", -16.02);
    assert_num(f, "true_peak_dbtp", -1.3);
    assert_num(f, "story", 0);
    f = json_object_array_get_idx(fl, 1);
    assert_str(f, "path", "stories/morning-02.mp3");
    assert_str(f, "format", "mp3");
    assert_num(f, "rate", 44100);
    assert_num(f, "channels", 1);
    assert_num(f, "duration", 12.375);
    assert_num(f, "loudness_lufs", -16.5);
    assert_num(f, "true_peak_dbtp", -1.04);
    assert_num(f, "story", 2);

    struct json_object *st = get(j, "stories");
    assert_int_equal(json_object_array_length(st), 2);
    struct json_object *s1 = json_object_array_get_idx(st, 0);
    assert_num(s1, "story", 1);
    assert_str(s1, "title", "Bridge closes & traffic <diverted>");
    assert_num(s1, "start", 5.2);
    assert_num(s1, "end", 30.125);
    struct json_object *s2 = json_object_array_get_idx(st, 1);
    assert_num(s2, "story", 2);
    assert_str(s2, "title", "Rates held at 5%");
    assert_num(s2, "start", 30.125);
    assert_num(s2, "end", 42.5);

    assert_str(j, "chapters", "morning.chapters.json");
    assert_str(j, "chapters_vtt", "morning.chapters.vtt");
    struct json_object *tr = get(j, "transcript");
    assert_str(tr, "vtt", "morning.vtt");
    assert_str(tr, "srt", "morning.srt");
    json_object_put(j);
    free(s);
}

/* Paths relative to the manifest's folder, however the audio path is put. */
static void test_manifest_paths(void **state)
{
    (void)state;
    static const struct {
        const char *audio, *file, *want, *chapters;
    } cases[] = {
        {"out/morning.wav", "out/morning.wav", "morning.wav", "morning.chapters.json"},
        {"./out/morning.wav", "out/x.flac", "x.flac", "morning.chapters.json"},
        {"out/morning.wav", "./out/sub/x.flac", "sub/x.flac", "morning.chapters.json"},
        {"out/morning.wav", "outside/x.flac", "outside/x.flac", "morning.chapters.json"},
        {"out/morning.wav", "output/x.flac", "output/x.flac", "morning.chapters.json"},
        {"morning.wav", "./morning.wav", "morning.wav", "morning.chapters.json"},
        {"./morning.wav", "morning.mp3", "morning.mp3", "morning.chapters.json"},
        {"/srv/news/am.v2.wav", "/srv/news/am.v2.wav", "am.v2.wav", "am.v2.chapters.json"},
        {"/srv/news/am.wav", "/srv/other/am.wav", "/srv/other/am.wav", "am.chapters.json"},
        {"/am.wav", "/am.wav", "am.wav", "am.chapters.json"},
        {"out//morning", "out//morning", "morning", "morning.chapters.json"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_sidecar_file f = {cases[i].file, "wav", 8000, 1, 1, -20, -3, 0};
        struct nb_sidecar_bulletin b = {.seconds = 1, .files = &f, .nfiles = 1};
        char *s = manifest(&b, cases[i].audio);
        struct json_object *j = parse(s);
        struct json_object *fo = json_object_array_get_idx(get(j, "files"), 0);
        if (strcmp(json_object_get_string(get(fo, "path")), cases[i].want) != 0)
            fail_msg("%s beside %s: '%s', want '%s'", cases[i].file, cases[i].audio,
                     json_object_get_string(get(fo, "path")), cases[i].want);
        assert_str(j, "chapters", cases[i].chapters);
        assert_json_null(j, "title");
        assert_json_null(j, "date");
        assert_json_null(j, "publisher");
        assert_json_null(get(j, "loudness"), "target");
        assert_int_equal(json_object_array_length(get(j, "stories")), 0);
        json_object_put(j);
        free(s);
    }
}

/* ---- escaping --------------------------------------------------------- */

static void test_escaping(void **state)
{
    (void)state;
    static const struct nb_sidecar_chapter ch[] = {
        {0, 1, "Tom & Jerry <b>live</b> \"quoted\" --> next\n\nline \t two ", 1},
        {1, 2, "caf\xC3\xA9 \xE2\x80\x94 \\ back/slash \x01 ctl", 2},
    };
    static const struct nb_sidecar_cue cu[] = {
        {0, 1, "Bob <the> Builder\nJr", "It's A&B --> C <i>x</i>\r\nsecond\n\nthird", 1},
        {1, 2, "  ", "  spaced\tout  ", 1},
        {2, 3, "Eve", "--->", 2},
    };
    struct nb_sidecar_bulletin b = {
        .title = "T\"itle\n2",
        .seconds = 3,
        .chapters = ch,
        .nchapters = 2,
        .cues = cu,
        .ncues = 3,
        .newsreader = "Anchor & Co",
    };

    char *s = format(nb_sidecars_chapters_vtt, &b);
    assert_string_equal(
        s, "WEBVTT\n\n"
           "1\n00:00:00.000 --> 00:00:01.000\n"
           "Tom &amp; Jerry &lt;b&gt;live&lt;/b&gt; \"quoted\" --&gt; next line two\n\n"
           "2\n00:00:01.000 --> 00:00:02.000\n"
           "caf\xC3\xA9 \xE2\x80\x94 \\ back/slash \x01 ctl\n\n");
    free(s);

    s = format(nb_sidecars_transcript_vtt, &b);
    assert_string_equal(s,
                        "WEBVTT\n\n"
                        "1\n00:00:00.000 --> 00:00:01.000\n"
                        "<v Bob &lt;the&gt; Builder Jr>It's A&amp;B --&gt; C &lt;i&gt;x&lt;/i&gt; "
                        "second third\n\n"
                        "2\n00:00:01.000 --> 00:00:02.000\n"
                        "<v Anchor &amp; Co>spaced out\n\n"
                        "3\n00:00:02.000 --> 00:00:03.000\n"
                        "<v Eve>---&gt;\n\n");
    free(s);

    s = format(nb_sidecars_transcript_srt, &b);
    assert_string_equal(s, "1\n00:00:00,000 --> 00:00:01,000\n"
                           "Bob <the> Builder Jr: It's A&B -- > C <i>x</i> second third\n\n"
                           "2\n00:00:01,000 --> 00:00:02,000\n"
                           "spaced out\n\n"
                           "3\n00:00:02,000 --> 00:00:03,000\n"
                           "Eve: --- >\n\n");
    /* "-->" only in the timing lines */
    size_t arrows = 0;
    for (const char *p = s; (p = strstr(p, "-->")) != NULL; p += 3)
        arrows++;
    assert_int_equal(arrows, 3);
    free(s);

    s = format(nb_sidecars_chapters_json, &b);
    struct json_object *j = parse(s);
    struct json_object *list = get(j, "chapters");
    assert_str(json_object_array_get_idx(list, 0), "title",
               "Tom & Jerry <b>live</b> \"quoted\" --> next line two");
    assert_str(json_object_array_get_idx(list, 1), "title",
               "caf\xC3\xA9 \xE2\x80\x94 \\ back/slash \x01 ctl");
    assert_non_null(strstr(s, "\\\"quoted\\\""));
    assert_non_null(strstr(s, "\\u0001"));
    assert_non_null(strstr(s, "back/slash")); /* '/' left alone, as json_out does */
    json_object_put(j);
    free(s);

    s = manifest(&b, "m.wav");
    j = parse(s);
    assert_str(j, "title", "T\"itle 2");
    json_object_put(j);
    free(s);
}

/* ---- numbers ---------------------------------------------------------- */

static void test_non_finite_is_null(void **state)
{
    (void)state;
    struct nb_sidecar_file f[] = {
        {"silence.wav", "wav", 48000, 1, NAN, -INFINITY, -INFINITY, 0},
        {"x.flac", NULL, 48000, 1, INFINITY, NAN, NAN, 1},
    };
    struct nb_sidecar_bulletin b = {
        .title = "Quiet", .seconds = NAN, .loudness_target = "off", .files = f, .nfiles = 2};
    char *s = manifest(&b, "silence.wav");
    assert_null(strstr(s, "inf"));
    assert_null(strstr(s, "nan"));
    assert_null(strstr(s, "NaN"));
    struct json_object *j = parse(s);
    assert_json_null(j, "duration");
    assert_str(get(j, "loudness"), "target", "off");
    assert_json_null(get(j, "loudness"), "integrated_lufs");
    assert_json_null(get(j, "loudness"), "true_peak_dbtp");
    for (size_t i = 0; i < 2; i++) {
        struct json_object *fo = json_object_array_get_idx(get(j, "files"), i);
        assert_json_null(fo, "duration");
        assert_json_null(fo, "loudness_lufs");
        assert_json_null(fo, "true_peak_dbtp");
    }
    assert_json_null(json_object_array_get_idx(get(j, "files"), 1), "format");
    json_object_put(j);
    free(s);

    /* no file of the whole bulletin: its loudness is unknown */
    b.nfiles = 0;
    s = manifest(&b, "silence.wav");
    j = parse(s);
    assert_json_null(get(j, "loudness"), "integrated_lufs");
    assert_int_equal(json_object_array_length(get(j, "files")), 0);
    json_object_put(j);
    free(s);
}

static void test_json_numbers(void **state)
{
    (void)state;
    struct nb_sidecar_file f = {"a.wav", "wav", 48000, 2, 1.0, -16.0, -0.0001, 0};
    struct nb_sidecar_chapter c = {0.0004, 59.9996, "x", 1};
    struct nb_sidecar_bulletin b = {
        .seconds = 3599.99951, .files = &f, .nfiles = 1, .chapters = &c, .nchapters = 1};
    char *s = manifest(&b, "a.wav");
    assert_non_null(strstr(s, "\"duration\": 3600,"));
    assert_non_null(strstr(s, "\"integrated_lufs\": -16,"));
    assert_non_null(strstr(s, "\"true_peak_dbtp\": 0\n")); /* -0.0001 rounds to 0, no "-0" */
    assert_non_null(strstr(s, "\"start\": 0,"));
    assert_non_null(strstr(s, "\"end\": 60\n"));
    free(s);
    s = format(nb_sidecars_chapters_json, &b);
    assert_non_null(strstr(s, "\"startTime\": 0,"));
    assert_non_null(strstr(s, "\"endTime\": 60,"));
    free(s);
    c.start = 1.2346;
    c.end = 2.1;
    s = format(nb_sidecars_chapters_json, &b);
    assert_non_null(strstr(s, "\"startTime\": 1.235,"));
    assert_non_null(strstr(s, "\"endTime\": 2.1,"));
    free(s);
}

/* ---- the timeline's clean-up ------------------------------------------ */

static void test_order_and_overlaps(void **state)
{
    (void)state;
    static const struct nb_sidecar_cue cu[] = {
        {4, 6, NULL, "third", 1},
        {0, 3, NULL, "first", 0},
        {2, 5, "Ann", "second", 1}, /* overlaps "third": ends at 4 */
        {5, 5, NULL, "empty span", 1},
        {7, 8, NULL, " \n ", 1},          /* blank: left out */
        {7, 8, NULL, NULL, 1},            /* no text: left out */
        {9, 12, NULL, "past the end", 2}, /* clamped to 10 */
        {10, 11, NULL, "after the end", 2},
    };
    struct nb_sidecar_bulletin b = {.seconds = 10, .cues = cu, .ncues = 8};
    char *s = format(nb_sidecars_transcript_srt, &b);
    assert_string_equal(s, "1\n00:00:00,000 --> 00:00:02,000\nfirst\n\n"
                           "2\n00:00:02,000 --> 00:00:04,000\nAnn: second\n\n"
                           "3\n00:00:04,000 --> 00:00:05,000\nthird\n\n"
                           "4\n00:00:09,000 --> 00:00:10,000\npast the end\n\n");
    free(s);

    /* equal starts keep the caller's order; the first is then empty */
    static const struct nb_sidecar_chapter ch[] = {
        {0, 0, "Intro", 0},
        {0, 4, "Story", 1},
        {4, 9, "Close", 0},
    };
    b = (struct nb_sidecar_bulletin){.seconds = 0, .chapters = ch, .nchapters = 3};
    s = format(nb_sidecars_chapters_vtt, &b);
    assert_string_equal(s, "WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nStory\n\n"
                           "2\n00:00:04.000 --> 00:00:09.000\nClose\n\n");
    free(s);

    /* nothing at all: still valid files */
    b = (struct nb_sidecar_bulletin){.seconds = 0};
    s = format(nb_sidecars_transcript_vtt, &b);
    assert_string_equal(s, "WEBVTT\n\n");
    free(s);
    s = format(nb_sidecars_transcript_srt, &b);
    assert_string_equal(s, "");
    free(s);
    s = format(nb_sidecars_chapters_json, &b);
    struct json_object *j = parse(s);
    assert_int_equal(json_object_array_length(get(j, "chapters")), 0);
    json_object_put(j);
    free(s);
}

static void test_bad_times(void **state)
{
    (void)state;
    const double bad[][2] = {{NAN, 1}, {-1, 1},       {1, NAN},
                             {2, 1},   {0, INFINITY}, {INFINITY, INFINITY}};
    formatter fs[] = {nb_sidecars_chapters_json, nb_sidecars_chapters_vtt,
                      nb_sidecars_transcript_vtt, nb_sidecars_transcript_srt};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct nb_sidecar_chapter ch[] = {{0, 1, "ok", 0}, {bad[i][0], bad[i][1], "bad", 1}};
        struct nb_sidecar_cue cu[] = {{0, 1, NULL, "ok", 0},
                                      {bad[i][0], bad[i][1], NULL, "bad", 1}};
        struct nb_sidecar_bulletin b = {
            .seconds = 5, .chapters = ch, .nchapters = 2, .cues = cu, .ncues = 2};
        for (size_t k = 0; k < 4; k++) {
            struct nb_buf out;
            struct nb_error err;
            nb_buf_init(&out, 0);
            nb_buf_adds(&out, "kept");
            nb_error_init(&err);
            assert_int_equal(fs[k](&b, &out, &err), NB_EINTERNAL);
            assert_string_equal(out.data, "kept");
            assert_non_null(strstr(err.message, k < 2 ? "chapter 2" : "cue 2"));
            nb_buf_release(&out);
        }
        struct nb_buf out;
        nb_buf_init(&out, 0);
        assert_int_equal(nb_sidecars_manifest_json(&b, "a.wav", &out, NULL), NB_EINTERNAL);
        assert_int_equal(out.len, 0);
        nb_buf_release(&out);
    }
}

/* Appends are kept or undone whole when the buffer's cap is reached. */
static void test_cap(void **state)
{
    (void)state;
    struct nb_sidecar_bulletin b = morning();
    formatter fs[] = {nb_sidecars_chapters_json, nb_sidecars_chapters_vtt,
                      nb_sidecars_transcript_vtt, nb_sidecars_transcript_srt};
    for (size_t k = 0; k < 4; k++) {
        for (size_t cap = 8; cap < 400; cap += 37) {
            struct nb_buf out;
            nb_buf_init(&out, cap);
            nb_buf_adds(&out, "pre");
            nb_status rc = fs[k](&b, &out, NULL);
            assert_true(rc == NB_ENOMEM || rc == NB_OK);
            if (rc == NB_ENOMEM)
                assert_string_equal(out.data, "pre");
            nb_buf_release(&out);
        }
    }
    struct nb_buf out;
    nb_buf_init(&out, 100);
    assert_int_equal(nb_sidecars_manifest_json(&b, "out/morning.wav", &out, NULL), NB_ENOMEM);
    assert_int_equal(out.len, 0);
    nb_buf_release(&out);
}

/* ---- names ------------------------------------------------------------ */

static void test_name(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } ok[] = {
        {"out/morning.wav", "out/morning"},
        {"morning.mp3", "morning"},
        {"out.d/morning", "out.d/morning"},
        {"a/b.c/d.e.f", "a/b.c/d.e"},
        {".hidden", ".hidden"},
        {"dir/.hidden.wav", "dir/.hidden"},
        {"/abs/x.", "/abs/x"},
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        struct nb_buf out;
        nb_buf_init(&out, 0);
        assert_int_equal(nb_sidecars_name(ok[i].in, &out, NULL), NB_OK);
        assert_string_equal(out.data, ok[i].want);
        nb_buf_release(&out);
    }
    const char *bad[] = {"", "out/", ".", "out/..", "/"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct nb_buf out;
        struct nb_error err;
        nb_buf_init(&out, 0);
        assert_int_equal(nb_sidecars_name(bad[i], &out, &err), NB_EINPUT);
        assert_int_equal(out.len, 0);
        nb_buf_release(&out);
    }
}

/* ---- writing ---------------------------------------------------------- */

static const char *const kinds[NB_SIDECARS_COUNT] = {
    ".chapters.json", ".chapters.vtt", ".vtt", ".srt", ".manifest.json",
};

static char *join(const char *dir, const char *name)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_buf_addf(&b, "%s/%s", dir, name);
    return nb_buf_detach(&b, NULL);
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* The names in `dir`, sorted, "\n"-separated (no "." or ".."). */
static char *listing(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    assert_true(n >= 0);
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name, ".."))
            nb_buf_addf(&b, "%s\n", names[i]->d_name);
        free(names[i]);
    }
    free(names);
    return nb_buf_detach(&b, NULL);
}

static void write_file(const char *path, const char *s)
{
    struct nb_error err;
    if (nb_file_write_atomic(path, s, strlen(s), &err) != NB_OK)
        fail_msg("%s", err.message);
}

static void test_write(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("sidecars_write");
    char *audio = join(dir, "morning.wav");
    write_file(audio, "RIFF");
    struct nb_sidecar_bulletin b = morning();
    struct nb_strv written;
    struct nb_error err;
    nb_strv_init(&written);
    nb_strv_pushs(&written, "before");
    nb_error_init(&err);
    assert_int_equal(nb_sidecars_write(audio, &b, &written, &err), NB_OK);
    assert_int_equal(written.n, 1 + NB_SIDECARS_COUNT);
    assert_string_equal(written.v[0], "before");
    for (size_t i = 0; i < NB_SIDECARS_COUNT; i++) {
        char name[64];
        snprintf(name, sizeof(name), "morning%s", kinds[i]);
        char *want = join(dir, name);
        assert_string_equal(written.v[i + 1], want);
        free(want);
    }
    assert_null(written.v[written.n]);
    char *ls = listing(dir);
    assert_string_equal(ls, "morning.chapters.json\nmorning.chapters.vtt\nmorning.manifest.json\n"
                            "morning.srt\nmorning.vtt\nmorning.wav\n");
    free(ls);

    /* what was written is what the formatters make (the manifest's paths
     * are those of the fixture: files[] says "out/") */
    formatter fs[] = {nb_sidecars_chapters_json, nb_sidecars_chapters_vtt,
                      nb_sidecars_transcript_vtt, nb_sidecars_transcript_srt};
    for (size_t i = 0; i < 4; i++) {
        char *got = nb_test_file(written.v[i + 1], NULL);
        char *want = format(fs[i], &b);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
    char *got = nb_test_file(written.v[5], NULL);
    char *want = manifest(&b, audio);
    assert_string_equal(got, want);
    free(got);
    free(want);
    struct stat st;
    assert_int_equal(stat(written.v[3], &st), 0);
    assert_int_equal(st.st_mode & 0022, 0); /* 0644 less the umask */

    /* again: replaces the set, leaves nothing else behind */
    b.title = "Second edition";
    assert_int_equal(nb_sidecars_write(audio, &b, NULL, &err), NB_OK);
    got = nb_test_file(written.v[5], NULL);
    assert_non_null(strstr(got, "Second edition"));
    free(got);
    ls = listing(dir);
    assert_string_equal(ls, "morning.chapters.json\nmorning.chapters.vtt\nmorning.manifest.json\n"
                            "morning.srt\nmorning.vtt\nmorning.wav\n");
    free(ls);

    /* a name with no extension, in the current folder's terms */
    char *bare = join(dir, "evening");
    nb_strv_release(&written);
    nb_strv_init(&written);
    assert_int_equal(nb_sidecars_write(bare, &b, &written, &err), NB_OK);
    assert_int_equal(written.n, NB_SIDECARS_COUNT);
    assert_true(exists(written.v[2]));
    assert_non_null(strstr(written.v[2], "/evening.vtt"));
    free(bare);

    nb_strv_release(&written);
    free(audio);
    free(dir);
}

static void assert_fails_leaving_nothing(const char *audio, const char *dir, const char *want_ls)
{
    struct nb_sidecar_bulletin b = morning();
    struct nb_strv written;
    struct nb_error err;
    nb_strv_init(&written);
    nb_strv_pushs(&written, "before");
    nb_error_init(&err);
    nb_status rc = nb_sidecars_write(audio, &b, &written, &err);
    assert_int_not_equal(rc, NB_OK);
    assert_int_equal(written.n, 1);
    assert_null(written.v[1]);
    assert_true(err.message[0] != '\0');
    assert_non_null(strstr(err.file, ".chapters.json")); /* the final name, not a staging one */
    assert_null(strstr(err.file, ".new"));
    if (dir) {
        char *ls = listing(dir);
        assert_string_equal(ls, want_ls);
        free(ls);
    }
    nb_strv_release(&written);
}

/* The staged files and the old ones kept aside are told to the hook as
 * they come and go (a signal meanwhile removes them): every one told gone
 * by the end, on success, and again when a set is replaced. */
struct told {
    int live, created;
};

static void count_told(void *ctx, const char *path, int created)
{
    struct told *t = ctx;
    (void)path;
    t->live += created ? 1 : -1;
    t->created += created;
}

static void test_write_tells_its_files(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("sidecars_told");
    char *audio = join(dir, "morning.wav");
    write_file(audio, "RIFF");
    struct told t = {0, 0};
    const struct nb_temp_hook hook = {count_told, &t, NULL};
    struct nb_sidecar_bulletin b = morning();
    b.temp = &hook;
    struct nb_error err;
    nb_error_init(&err);
    for (int round = 0; round < 2; round++) { /* new, then replacing */
        assert_int_equal(nb_sidecars_write(audio, &b, NULL, &err), NB_OK);
        assert_int_equal(t.live, 0);
    }
    /* each staged file and its atomic writer's own; then the old ones */
    assert_true(t.created >= 4 * NB_SIDECARS_COUNT);
    free(audio);
    free(dir);
}

static void test_write_missing_folder(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("sidecars_missing");
    char *audio = join(dir, "no/such/folder/morning.wav");
    assert_fails_leaving_nothing(audio, dir, "");
    assert_false(exists(audio));
    free(audio);
    free(dir);
}

static void test_write_read_only_folder(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip(); /* root writes anyway */
    char *dir = nb_test_tmpdir("sidecars_readonly");
    char *audio = join(dir, "morning.wav");
    write_file(audio, "RIFF");
    assert_int_equal(chmod(dir, 0555), 0);
    assert_fails_leaving_nothing(audio, dir, "morning.wav\n");
    assert_int_equal(chmod(dir, 0755), 0);
    free(audio);
    free(dir);
}

/* Writes an old set of five files, each saying "old <kind>". */
static void write_old_set(const char *dir)
{
    for (size_t i = 0; i < NB_SIDECARS_COUNT; i++) {
        char name[64], body[64];
        snprintf(name, sizeof(name), "morning%s", kinds[i]);
        snprintf(body, sizeof(body), "old %s", kinds[i]);
        char *p = join(dir, name);
        write_file(p, body);
        free(p);
    }
}

static void assert_old_set(const char *dir, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char name[64], body[64];
        snprintf(name, sizeof(name), "morning%s", kinds[i]);
        snprintf(body, sizeof(body), "old %s", kinds[i]);
        char *p = join(dir, name);
        char *got = nb_test_file(p, NULL);
        assert_string_equal(got, body);
        free(got);
        free(p);
    }
}

/* The fourth file cannot be staged (a folder holds its staging name): the
 * three staged before it are removed and the old set is untouched. */
static void test_write_failure_keeps_old_set(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("sidecars_keep_old");
    char *audio = join(dir, "morning.wav");
    write_file(audio, "RIFF");
    write_old_set(dir);
    char block[128];
    snprintf(block, sizeof(block), ".morning.srt.%ld.new", (long)getpid());
    char *blocker = join(dir, block);
    assert_int_equal(mkdir(blocker, 0755), 0);

    struct nb_sidecar_bulletin b = morning();
    struct nb_strv written;
    struct nb_error err;
    nb_strv_init(&written);
    nb_error_init(&err);
    assert_int_equal(nb_sidecars_write(audio, &b, &written, &err), NB_EIO);
    assert_int_equal(written.n, 0);
    assert_non_null(strstr(err.file, "morning.srt"));
    assert_null(strstr(err.file, ".new"));
    assert_old_set(dir, NB_SIDECARS_COUNT);
    char *ls = listing(dir);
    char want[512];
    snprintf(want, sizeof(want),
             "%s\nmorning.chapters.json\nmorning.chapters.vtt\nmorning.manifest.json\n"
             "morning.srt\nmorning.vtt\nmorning.wav\n",
             block);
    assert_string_equal(ls, want);
    free(ls);
    nb_strv_release(&written);
    rmdir(blocker);
    free(blocker);
    free(audio);
    free(dir);
}

/* All five are staged but the third cannot be renamed into place (a
 * non-empty folder has its name): the two already renamed are undone, the
 * old files come back, nothing new is left. */
static void test_write_rename_failure_rolls_back(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("sidecars_roll_back");
    char *audio = join(dir, "morning.wav");
    write_file(audio, "RIFF");
    write_old_set(dir);
    char *vtt = join(dir, "morning.vtt");
    char *srt = join(dir, "morning.srt");
    char *manifest_path = join(dir, "morning.manifest.json");
    assert_int_equal(unlink(vtt), 0);
    assert_int_equal(unlink(srt), 0); /* no old .srt: none must be left */
    assert_int_equal(mkdir(vtt, 0755), 0);
    char *inside = join(vtt, "keep");
    write_file(inside, "x");

    struct nb_sidecar_bulletin b = morning();
    struct nb_strv written;
    struct nb_error err;
    nb_strv_init(&written);
    nb_error_init(&err);
    assert_int_equal(nb_sidecars_write(audio, &b, &written, &err), NB_EIO);
    assert_int_equal(written.n, 0);
    assert_string_equal(err.file, vtt);
    assert_old_set(dir, 2);
    assert_false(exists(srt));
    char *got = nb_test_file(manifest_path, NULL);
    assert_string_equal(got, "old .manifest.json");
    free(got);
    char *ls = listing(dir);
    assert_string_equal(ls, "morning.chapters.json\nmorning.chapters.vtt\nmorning.manifest.json\n"
                            "morning.vtt\nmorning.wav\n");
    free(ls);

    nb_strv_release(&written);
    unlink(inside);
    rmdir(vtt);
    free(inside);
    free(vtt);
    free(srt);
    free(manifest_path);
    free(audio);
    free(dir);
}

static void test_write_bad_paths(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("sidecars_bad_paths");
    struct nb_sidecar_bulletin b = morning();
    struct nb_strv written;
    struct nb_error err;
    nb_strv_init(&written);
    char *vtt_audio = join(dir, "clip.vtt"); /* NAME.vtt would be the audio itself */
    write_file(vtt_audio, "audio");
    nb_error_init(&err);
    assert_int_equal(nb_sidecars_write(vtt_audio, &b, &written, &err), NB_EINPUT);
    assert_non_null(strstr(err.message, "overwritten"));
    char *got = nb_test_file(vtt_audio, NULL);
    assert_string_equal(got, "audio");
    free(got);
    char *folder = join(dir, "sub/");
    assert_int_equal(nb_sidecars_write(folder, &b, &written, &err), NB_EINPUT);
    assert_int_equal(written.n, 0);
    char *ls = listing(dir);
    assert_string_equal(ls, "clip.vtt\n");
    free(ls);

    /* a bad time fails before anything is written */
    struct nb_sidecar_cue cu = {NAN, 1, NULL, "x", 0};
    b.cues = &cu;
    b.ncues = 1;
    char *audio = join(dir, "m.wav");
    assert_int_equal(nb_sidecars_write(audio, &b, &written, &err), NB_EINTERNAL);
    ls = listing(dir);
    assert_string_equal(ls, "clip.vtt\n");
    free(ls);
    nb_strv_release(&written);
    free(audio);
    free(folder);
    free(vtt_audio);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_rounding),
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_chapters_json_fields),
        cmocka_unit_test(test_manifest_fields),
        cmocka_unit_test(test_manifest_paths),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_non_finite_is_null),
        cmocka_unit_test(test_json_numbers),
        cmocka_unit_test(test_order_and_overlaps),
        cmocka_unit_test(test_bad_times),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_name),
        cmocka_unit_test(test_write),
        cmocka_unit_test(test_write_missing_folder),
        cmocka_unit_test(test_write_read_only_folder),
        cmocka_unit_test(test_write_failure_keeps_old_set),
        cmocka_unit_test(test_write_rename_failure_rolls_back),
        cmocka_unit_test(test_write_bad_paths),
        cmocka_unit_test(test_write_tells_its_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
