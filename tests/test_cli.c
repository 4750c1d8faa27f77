/* End-to-end tests: run build/newsbrief on real files and check what it
 * printed and the audio it wrote. */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <json-c/json.h>
#include <sndfile.h>

#include "support.h"
#include "text/buf.h"
#include "text/file.h"

#define BIN NB_TEST_BINARY
#define FIX NB_TEST_FIXTURES "/cli"
#define DATA NB_TEST_FIXTURES "/data"

struct run {
    int code;
    char *out;
    char *err;
};

static struct run run_cmd(const char *input, char *const argv[])
{
    struct run r;
    r.code = nb_test_run(argv, input, &r.out, &r.err);
    return r;
}

static void run_free(struct run *r)
{
    free(r->out);
    free(r->err);
}

struct audio {
    int ok;
    int format;
    int channels;
    int rate;
    double seconds;
    double rms;
};

static struct audio check_audio(const char *path)
{
    struct audio a = {0};
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    if (!f)
        return a;
    a.ok = 1;
    a.format = info.format;
    a.channels = info.channels;
    a.rate = info.samplerate;
    a.seconds = (double)info.frames / info.samplerate;
    short buf[4096];
    double sum = 0;
    sf_count_t total = 0, n;
    while ((n = sf_read_short(f, buf, 4096)) > 0) {
        for (sf_count_t i = 0; i < n; i++)
            sum += (double)buf[i] * buf[i];
        total += n;
    }
    sf_close(f);
    a.rms = total ? sqrt(sum / (double)total) : 0;
    return a;
}

static char *slurp(const char *path, size_t *len)
{
    struct nb_buf b;
    struct nb_error err;
    nb_buf_init(&b, 0);
    if (nb_file_read(path, 0, &b, &err) != NB_OK)
        fail_msg("%s: %s", path, err.message);
    return nb_buf_detach(&b, len);
}

static void test_help_and_version(void **state)
{
    (void)state;
    struct run r = run_cmd(NULL, (char *[]){BIN, "--help", NULL});
    assert_int_equal(r.code, 0);
    const char *cmds[] = {"build",  "read",      "sentences", "summarise",
                          "script", "normalise", "speak",     "voices"};
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        assert_non_null(strstr(r.out, cmds[i]));
        struct run h = run_cmd(NULL, (char *[]){BIN, (char *)cmds[i], "--help", NULL});
        assert_int_equal(h.code, 0);
        assert_non_null(strstr(h.out, "usage: newsbrief"));
        run_free(&h);
    }
    run_free(&r);
    r = run_cmd(NULL, (char *[]){BIN, "--version", NULL});
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "newsbrief "));
    assert_non_null(strstr(r.out, "eSpeak NG 1."));
    assert_non_null(strstr(r.out, "libsndfile"));
    run_free(&r);
    r = run_cmd(NULL, (char *[]){BIN, "frobnicate", NULL});
    assert_int_equal(r.code, 2);
    assert_string_equal(r.err,
                        "newsbrief: unknown command 'frobnicate' (see 'newsbrief --help')\n");
    run_free(&r);
    r = run_cmd(NULL, (char *[]){BIN, "build", "--bogus", NULL});
    assert_int_equal(r.code, 2);
    assert_string_equal(r.err, "newsbrief: build: unknown option '--bogus' (see 'newsbrief build "
                               "--help')\n");
    run_free(&r);
}

static void test_build_writes_wav(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_build");
    struct run r = run_cmd(NULL, (char *[]){BIN, "build", FIX "/small.yaml", "-o", dir, NULL});
    if (r.code != 0)
        fail_msg("build failed (%d): %s", r.code, r.err);
    char path[1024];
    snprintf(path, sizeof(path), "%s/test-bulletin.wav", dir);
    assert_non_null(strstr(r.out, path));
    assert_non_null(strstr(r.out, "2 stories"));
    /* every file written is named; no progress lines when not on a terminal */
    assert_non_null(strstr(r.out, "test-bulletin.vtt\n"));
    assert_non_null(strstr(r.out, "test-bulletin.manifest.json\n"));
    assert_non_null(strstr(r.out, "\nloudness -16."));
    assert_null(strstr(r.err, "reading the articles"));
    struct audio a = check_audio(path);
    assert_true(a.ok);
    assert_int_equal(a.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    assert_int_equal(a.channels, 1);
    assert_int_equal(a.rate, 22050);
    /* intro, two short stories, outro: about 100 words at 165 wpm plus pauses */
    assert_true(a.seconds > 20.0 && a.seconds < 90.0);
    assert_true(a.rms > 500.0); /* speech, not silence */

    /* the same inputs give a byte-identical file */
    size_t len1, len2;
    char *first = slurp(path, &len1);
    run_free(&r);
    r = run_cmd(NULL, (char *[]){BIN, "build", FIX "/small.yaml", "-o", dir, NULL});
    assert_int_equal(r.code, 0);
    char *second = slurp(path, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(first, second, len1);
    free(first);
    free(second);
    run_free(&r);
    free(dir);
}

static void test_failed_build_keeps_previous_output(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_keep");
    char path[1024];
    struct nb_error err;
    snprintf(path, sizeof(path), "%s/bad-voice-briefing.wav", dir);
    assert_int_equal(nb_file_write_atomic(path, "previous", 8, &err), NB_OK);
    struct run r =
        run_cmd(NULL, (char *[]){BIN, "build", FIX "/bad-voice-briefing.yaml", "-o", dir, NULL});
    assert_int_equal(r.code, 2);
    /* the eSpeak NG voice is reported where the profile names it */
    assert_string_equal(r.err, "newsbrief: " FIX "/bad-espeak.yaml:2:9: eSpeak NG has no voice "
                               "'xx-nowhere'\n");
    size_t len;
    char *kept = slurp(path, &len);
    assert_int_equal(len, 8);
    assert_memory_equal(kept, "previous", 8);
    free(kept);
    run_free(&r);
    free(dir);
}

static void test_bad_briefings(void **state)
{
    (void)state;
    struct run r = run_cmd(NULL, (char *[]){BIN, "script", FIX "/bad-key.yaml", NULL});
    assert_int_equal(r.code, 2);
    assert_string_equal(r.err, "newsbrief: " FIX "/bad-key.yaml:2:1: unknown key 'voise' (did you "
                               "mean 'voice'?)\n");
    run_free(&r);
    r = run_cmd(NULL, (char *[]){BIN, "script", FIX "/no-match.yaml", NULL});
    assert_int_equal(r.code, 2);
    assert_string_equal(r.err, "newsbrief: " FIX "/no-match.yaml:3:5: 'nowhere/*.txt' matches no "
                               "file\n");
    run_free(&r);
    r = run_cmd(NULL, (char *[]){BIN, "build", FIX "/missing.yaml", NULL});
    assert_int_equal(r.code, 2);
    char want[1200];
    snprintf(want, sizeof(want), "newsbrief: %s/missing.yaml: cannot open: %s\n", FIX,
             strerror(ENOENT));
    assert_string_equal(r.err, want);
    run_free(&r);
}

static void test_read_json(void **state)
{
    (void)state;
    struct run r = run_cmd(NULL, (char *[]){BIN, "read", FIX "/story.txt", NULL});
    assert_int_equal(r.code, 0);
    struct json_object *o = json_tokener_parse(r.out);
    assert_non_null(o);
    struct json_object *v;
    assert_true(json_object_object_get_ex(o, "headline", &v));
    assert_string_equal(json_object_get_string(v), "Lighthouse keeper retires after 40 years");
    assert_true(json_object_object_get_ex(o, "byline", &v));
    assert_true(v == NULL); /* JSON null */
    assert_true(json_object_object_get_ex(o, "date", &v));
    assert_true(json_object_object_get_ex(o, "paragraphs", &v));
    assert_int_equal(json_object_array_length(v), 2);
    assert_true(json_object_object_get_ex(o, "sentences", &v));
    assert_int_equal(json_object_array_length(v), 3);
    assert_string_equal(json_object_get_string(json_object_array_get_idx(v, 1)),
                        "She had kept it since 1986.");
    assert_true(json_object_object_get_ex(o, "quotes", &v));
    assert_true(json_object_is_type(v, json_type_array));
    assert_true(json_object_object_get_ex(o, "removed", &v));
    assert_true(json_object_is_type(v, json_type_array));
    json_object_put(o);
    run_free(&r);

    /* quotes with speaker and role; furniture listed in removed */
    r = run_cmd("Talks offered\n\nBy Anna Lund\n\nNorway offered on Thursday to host talks on "
                "fishing quotas after the last round collapsed.\n\nShare this article\n\n"
                "Norway's foreign minister Ola Berg said: \"We are ready to host everyone in "
                "Tromso next month.\"\n",
                (char *[]){BIN, "read", "-", NULL});
    if (r.code != 0)
        fail_msg("read failed: %s", r.err);
    o = json_tokener_parse(r.out);
    assert_non_null(o);
    assert_true(json_object_object_get_ex(o, "byline", &v));
    assert_non_null(strstr(json_object_get_string(v), "Anna Lund"));
    assert_true(json_object_object_get_ex(o, "quotes", &v));
    assert_int_equal(json_object_array_length(v), 1);
    struct json_object *q = json_object_array_get_idx(v, 0), *f;
    assert_true(json_object_object_get_ex(q, "text", &f));
    assert_string_equal(json_object_get_string(f),
                        "We are ready to host everyone in Tromso next month.");
    assert_true(json_object_object_get_ex(q, "speaker", &f));
    assert_string_equal(json_object_get_string(f), "Ola Berg");
    assert_true(json_object_object_get_ex(q, "role", &f));
    assert_string_equal(json_object_get_string(f), "Norway's foreign minister");
    assert_true(json_object_object_get_ex(q, "partial", &f));
    assert_false(json_object_get_boolean(f));
    assert_true(json_object_object_get_ex(q, "speaker_id", &f));
    assert_int_equal(json_object_get_int(f), 1);
    assert_true(json_object_object_get_ex(o, "speakers", &v));
    assert_int_equal(json_object_array_length(v), 1);
    q = json_object_array_get_idx(v, 0);
    assert_true(json_object_object_get_ex(q, "id", &f));
    assert_int_equal(json_object_get_int(f), 1);
    assert_true(json_object_object_get_ex(q, "name", &f));
    assert_string_equal(json_object_get_string(f), "Ola Berg");
    assert_true(json_object_object_get_ex(q, "role", &f));
    assert_string_equal(json_object_get_string(f), "Norway's foreign minister");
    assert_true(json_object_object_get_ex(q, "short", &f));
    assert_true(json_object_object_get_ex(q, "organisation", &f));
    assert_true(json_object_object_get_ex(q, "pronoun", &f));
    assert_true(json_object_object_get_ex(q, "title", &f));
    assert_true(json_object_object_get_ex(o, "removed", &v));
    assert_int_equal(json_object_array_length(v), 1);
    assert_string_equal(json_object_get_string(json_object_array_get_idx(v, 0)),
                        "Share this article");
    assert_true(json_object_object_get_ex(o, "sentences", &v));
    assert_int_equal(json_object_array_length(v), 2);
    assert_true(json_object_object_get_ex(o, "publication", &v));
    assert_true(json_object_object_get_ex(o, "language", &v));
    assert_true(json_object_object_get_ex(o, "source", &v));
    assert_string_equal(json_object_get_string(v), "-"); /* standard input */
    assert_true(json_object_object_get_ex(o, "guid", &v));
    assert_null(v);
    json_object_put(o);
    run_free(&r);

    r = run_cmd(NULL, (char *[]){BIN, "read", FIX "/nothing-here.txt", NULL});
    assert_int_equal(r.code, 2);
    char want[1200];
    snprintf(want, sizeof(want), "newsbrief: %s/nothing-here.txt: cannot open: %s\n", FIX,
             strerror(ENOENT));
    assert_string_equal(r.err, want);
    run_free(&r);
}

/* Several sources: one JSON line per article in the order given; a source
 * that cannot be read is named on standard error, the others still print,
 * and the exit code is that of the failure. */
static void test_read_several(void **state)
{
    (void)state;
    struct run r = run_cmd(NULL, (char *[]){BIN, "read", FIX "/story.txt", FIX "/story2.txt",
                                            FIX "/nothing-here.txt", FIX "/story.txt", NULL});
    assert_int_equal(r.code, 2);
    char want[1200];
    snprintf(want, sizeof(want), "newsbrief: %s/nothing-here.txt: cannot open: %s\n", FIX,
             strerror(ENOENT));
    assert_string_equal(r.err, want);
    const char *sources[] = {FIX "/story.txt", FIX "/story2.txt", FIX "/story.txt"};
    const char *line = r.out;
    for (size_t i = 0; i < 3; i++) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        char *one = strndup(line, (size_t)(end - line));
        struct json_object *o = json_tokener_parse(one);
        assert_non_null(o);
        struct json_object *v;
        assert_true(json_object_object_get_ex(o, "source", &v));
        assert_string_equal(json_object_get_string(v), sources[i]);
        assert_true(json_object_object_get_ex(o, "sentences", &v));
        assert_true(json_object_array_length(v) > 0);
        json_object_put(o);
        free(one);
        line = end + 1;
    }
    assert_string_equal(line, ""); /* nothing after the third line */
    run_free(&r);

    /* every source read: exit 0 */
    r = run_cmd(NULL, (char *[]){BIN, "read", FIX "/story2.txt", FIX "/story.txt", NULL});
    assert_int_equal(r.code, 0);
    assert_string_equal(r.err, "");
    run_free(&r);

    /* files read on threads (-j): the same output, the same error */
    struct run one = run_cmd(NULL, (char *[]){BIN, "read", "-j", "1", FIX "/story.txt",
                                              FIX "/nothing-here.txt", FIX "/story2.txt",
                                              FIX "/story.txt", FIX "/story2.txt", NULL});
    struct run many = run_cmd(NULL, (char *[]){BIN, "read", "-j", "3", FIX "/story.txt",
                                               FIX "/nothing-here.txt", FIX "/story2.txt",
                                               FIX "/story.txt", FIX "/story2.txt", NULL});
    assert_int_equal(one.code, 2);
    assert_int_equal(many.code, 2);
    assert_string_equal(many.out, one.out);
    assert_string_equal(many.err, one.err);
    run_free(&one);
    run_free(&many);
}

static void test_script_json(void **state)
{
    (void)state;
    struct run r = run_cmd(NULL, (char *[]){BIN, "script", FIX "/small.yaml", "--json", NULL});
    assert_int_equal(r.code, 0);
    struct json_object *o = json_tokener_parse(r.out), *v, *segs;
    assert_non_null(o);
    assert_true(json_object_object_get_ex(o, "title", &v));
    assert_string_equal(json_object_get_string(v), "Test Bulletin");
    assert_true(json_object_object_get_ex(o, "date", &v));
    assert_string_equal(json_object_get_string(v), "2026-11-28");
    assert_true(json_object_object_get_ex(o, "segments", &segs));
    size_t n = json_object_array_length(segs);
    assert_true(n >= 6); /* intro, 2 x (transition, story), outro */
    const char *kinds[] = {"intro", "headlines", "story", "quote", "transition", "outro"};
    int stories_seen = 0;
    for (size_t i = 0; i < n; i++) {
        struct json_object *seg = json_object_array_get_idx(segs, i), *k, *s, *t, *sp, *vo;
        assert_true(json_object_object_get_ex(seg, "kind", &k));
        assert_true(json_object_object_get_ex(seg, "story", &s));
        assert_true(json_object_object_get_ex(seg, "voice", &vo));
        assert_true(json_object_object_get_ex(seg, "text", &t));
        assert_true(json_object_object_get_ex(seg, "spoken", &sp));
        int known = 0;
        for (size_t j = 0; j < 6; j++)
            known |= strcmp(json_object_get_string(k), kinds[j]) == 0;
        assert_true(known);
        assert_true(s == NULL || json_object_is_type(s, json_type_int));
        assert_true(strlen(json_object_get_string(t)) > 0);
        assert_true(strlen(json_object_get_string(sp)) > 0);
        assert_string_equal(json_object_get_string(vo), "anchor");
        if (strcmp(json_object_get_string(k), "story") == 0)
            stories_seen++;
    }
    assert_int_equal(stories_seen, 2);
    struct json_object *intro = json_object_array_get_idx(segs, 0), *t;
    json_object_object_get_ex(intro, "text", &t);
    assert_non_null(strstr(json_object_get_string(t), "Test Bulletin"));
    assert_non_null(strstr(json_object_get_string(t), "Saturday the 28th of November"));
    json_object_put(o);
    run_free(&r);
}

static void test_sentences_and_normalise(void **state)
{
    (void)state;
    struct run r = run_cmd("Mr. Smith went to Washington.  He arrived at 9 a.m.\nIt\n rained.\n",
                           (char *[]){BIN, "sentences", NULL});
    assert_int_equal(r.code, 0);
    assert_string_equal(r.out, "Mr. Smith went to Washington.\nHe arrived at 9 a.m.\nIt rained.\n");
    run_free(&r);
    r = run_cmd("plain line\nsecond line\n", (char *[]){BIN, "normalise", NULL});
    assert_int_equal(r.code, 0);
    assert_string_equal(r.out, "plain line\nsecond line\n");
    run_free(&r);
    r = run_cmd(NULL, (char *[]){BIN, "normalise", "one", "two", NULL});
    assert_int_equal(r.code, 0);
    assert_string_equal(r.out, "one\ntwo\n");
    run_free(&r);
}

static void test_summarise(void **state)
{
    (void)state;
    struct run r = run_cmd(NULL, (char *[]){BIN, "summarise", FIX "/story.txt", FIX "/story2.txt",
                                            "--sentences", "1", "--json", NULL});
    assert_int_equal(r.code, 0);
    struct json_object *o = json_tokener_parse(r.out), *lead;
    assert_non_null(o);
    assert_int_equal(json_object_array_length(o), 2);
    assert_true(json_object_object_get_ex(json_object_array_get_idx(o, 0), "lead", &lead));
    assert_int_equal(json_object_array_length(lead), 1);
    json_object_put(o);
    run_free(&r);
    r = run_cmd(NULL, (char *[]){BIN, "summarise", FIX "/story.txt", "--sentences", "zero", NULL});
    assert_int_equal(r.code, 2);
    run_free(&r);
}

static void test_speak_text_and_edited_script(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_speak");
    char wav[1024], script[1024];
    snprintf(wav, sizeof(wav), "%s/text.wav", dir);
    struct run r = run_cmd("Good evening. This is a test of the speak command.\n",
                           (char *[]){BIN, "speak", "-o", wav, "--voice", "en-us", NULL});
    if (r.code != 0)
        fail_msg("speak failed: %s", r.err);
    struct audio a = check_audio(wav);
    assert_true(a.ok && a.seconds > 1.5 && a.seconds < 15 && a.rms > 500);
    run_free(&r);

    /* script -> edit -> speak */
    r = run_cmd(NULL, (char *[]){BIN, "script", FIX "/small.yaml", NULL});
    assert_int_equal(r.code, 0);
    const char *intro = strstr(r.out, "[intro");
    assert_non_null(intro);
    struct nb_buf edited;
    struct nb_error err;
    nb_buf_init(&edited, 0);
    nb_buf_add(&edited, r.out, (size_t)(intro - r.out));
    nb_buf_adds(&edited, "[intro voice=anchor]\nAn edited intro.\n\n");
    /* a quote voice with a variant, as a script gives each person quoted */
    nb_buf_adds(&edited, "[quote voice=correspondent+m7]\nWe will be back next week.\n\n");
    const char *next = strstr(intro, "\n[");
    assert_non_null(next);
    nb_buf_adds(&edited, next + 1);
    snprintf(script, sizeof(script), "%s/edited.txt", dir);
    assert_int_equal(nb_file_write_atomic(script, edited.data, edited.len, &err), NB_OK);
    nb_buf_release(&edited);
    run_free(&r);
    snprintf(wav, sizeof(wav), "%s/edited.wav", dir);
    r = run_cmd(NULL, (char *[]){BIN, "speak", script, "-o", wav, NULL});
    if (r.code != 0)
        fail_msg("speak failed: %s", r.err);
    a = check_audio(wav);
    assert_true(a.ok && a.seconds > 10 && a.rms > 500);
    run_free(&r);
    /* a variant eSpeak NG does not have: said where the profile is */
    static const char unknown[] = "# newsbrief script\n\n[quote voice=correspondent+zz9]\nHello.\n";
    assert_int_equal(nb_file_write_atomic(script, unknown, sizeof(unknown) - 1, &err), NB_OK);
    r = run_cmd(NULL, (char *[]){BIN, "speak", script, "-o", wav, NULL});
    assert_int_equal(r.code, 2);
    assert_non_null(strstr(r.err, "correspondent.yaml:"));
    assert_non_null(strstr(r.err, ": eSpeak NG has no voice 'en-gb+zz9'\n"));
    run_free(&r);

    r = run_cmd("x", (char *[]){BIN, "speak", NULL});
    assert_int_equal(r.code, 2);
    assert_string_equal(r.err, "newsbrief: speak: give the output file with -o OUT.wav\n");
    run_free(&r);
    free(dir);
}

/* A briefing's lexicon changes what is said, not what is written; the
 * script names it so that the edited script is said the same way. */
static void test_lexicon(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_lexicon");
    char briefing[1024], names[1024], bad[1024], script[1024], wav[1024];
    struct nb_error err;
    snprintf(names, sizeof(names), "%s/names.yaml", dir);
    static const char names_text[] = "entries:\n  Stromvik: Strome-veek\n";
    assert_int_equal(nb_file_write_atomic(names, names_text, sizeof(names_text) - 1, &err), NB_OK);
    snprintf(briefing, sizeof(briefing), "%s/b.yaml", dir);
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_buf_addf(&b,
                "title: Test Bulletin\ndate: 2026-11-28\narticles: [%s/story.txt]\n"
                "sentences: 2\nlexicon: names.yaml\n",
                FIX);
    assert_int_equal(nb_file_write_atomic(briefing, b.data, b.len, &err), NB_OK);
    nb_buf_release(&b);

    struct run r = run_cmd(NULL, (char *[]){BIN, "script", "--json", briefing, NULL});
    if (r.code != 0)
        fail_msg("script failed: %s", r.err);
    assert_non_null(strstr(r.out, "the Strome-veek light"));
    assert_non_null(strstr(r.out, "the Stromvik light"));
    run_free(&r);

    r = run_cmd(NULL, (char *[]){BIN, "script", briefing, NULL});
    assert_int_equal(r.code, 0);
    char want[2200];
    snprintf(want, sizeof(want), "# lexicon: %s\n", names);
    assert_non_null(strstr(r.out, want));
    snprintf(script, sizeof(script), "%s/edited.txt", dir);
    assert_int_equal(nb_file_write_atomic(script, r.out, strlen(r.out), &err), NB_OK);
    run_free(&r);
    snprintf(wav, sizeof(wav), "%s/edited.wav", dir);
    r = run_cmd(NULL, (char *[]){BIN, "speak", script, "-o", wav, NULL});
    if (r.code != 0)
        fail_msg("speak failed: %s", r.err);
    run_free(&r);

    /* the script's lexicon gone: a clear error at its '# lexicon:' line
     * (the fourth, after title and date), no audio */
    remove(names);
    remove(wav);
    r = run_cmd(NULL, (char *[]){BIN, "speak", script, "-o", wav, NULL});
    assert_int_equal(r.code, 2);
    snprintf(want, sizeof(want), "newsbrief: %s:4:12: no lexicon file '%s'\n", script, names);
    assert_string_equal(r.err, want);
    assert_ptr_equal(strchr(r.err, '\n'), r.err + strlen(r.err) - 1); /* one line */
    struct stat st;
    assert_int_not_equal(stat(wav, &st), 0);
    run_free(&r);

    /* a broken --lexicon: FILE:LINE:COLUMN */
    snprintf(bad, sizeof(bad), "%s/bad.yaml", dir);
    static const char bad_text[] = "entries:\n  Okafor: [Oh, kahfor]\n";
    assert_int_equal(nb_file_write_atomic(bad, bad_text, sizeof(bad_text) - 1, &err), NB_OK);
    r = run_cmd("Ms Okafor spoke.\n", (char *[]){BIN, "speak", "-o", wav, "--lexicon", bad, NULL});
    assert_int_equal(r.code, 2);
    snprintf(want, sizeof(want),
             "newsbrief: %s:2:11: lexicon entry 'Okafor' must be a respelling or a mapping\n", bad);
    assert_string_equal(r.err, want);
    run_free(&r);
    free(dir);
}

static void test_voices(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    struct run r = run_cmd(NULL, (char *[]){BIN, "voices", "--lang", "en", NULL});
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "anchor"));
    assert_non_null(strstr(r.out, "en-gb"));
    assert_non_null(strstr(r.out, "en-us"));
    assert_null(strstr(r.out, " de "));
    /* the profiles of the installed voices: the source tree's for this build */
    assert_non_null(strstr(r.out, "Voice profiles (" NB_DATA_DIR "/voices):\n  anchor "));
    assert_null(strstr(r.out, "transitions-en"));
    assert_null(strstr(r.out, "lexicon-en"));
    run_free(&r);

    /* the folders of the search, in its order, each once */
    setenv("NEWSBRIEF_DATA", DATA, 1);
    setenv("NEWSBRIEF_VOICES", NB_TEST_FIXTURES "/config/env_voices", 1);
    r = run_cmd(NULL, (char *[]){BIN, "voices", NULL});
    assert_int_equal(r.code, 0);
    const char *data = strstr(r.out, "Voice profiles (" DATA "/voices):\n");
    const char *env = strstr(r.out, "Voice profiles (" NB_TEST_FIXTURES "/config/env_voices):\n");
    const char *installed = strstr(r.out, "Voice profiles (" NB_DATA_DIR "/voices):\n");
    assert_non_null(data);
    assert_non_null(env);
    assert_non_null(installed);
    assert_true(data < env && env < installed);
    assert_non_null(strstr(data, "  dataonly         en-us"));
    assert_non_null(strstr(env, "  envonly          en-us"));
    run_free(&r);
    setenv("NEWSBRIEF_VOICES", DATA "/voices", 1); /* the same folder twice: listed once */
    r = run_cmd(NULL, (char *[]){BIN, "voices", NULL});
    assert_int_equal(r.code, 0);
    data = strstr(r.out, "Voice profiles (" DATA "/voices):");
    assert_non_null(data);
    assert_null(strstr(data + 1, "Voice profiles (" DATA "/voices):"));
    run_free(&r);
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
}

/* With no briefing named, the example: $NEWSBRIEF_DATA's first, else the
 * installed one (the source tree's for this build). */
static void test_default_briefing(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_VOICES");
    setenv("NEWSBRIEF_DATA", DATA, 1);
    struct run r = run_cmd(NULL, (char *[]){BIN, "script", NULL});
    if (r.code != 0)
        fail_msg("script: exit %d: %s", r.code, r.err);
    assert_non_null(strstr(r.out, "Data Folder Briefing"));
    assert_non_null(strstr(r.out, "Data first, ")); /* the data folder's transition bank */
    run_free(&r);
    unsetenv("NEWSBRIEF_DATA");
    r = run_cmd(NULL, (char *[]){BIN, "script", NULL});
    if (r.code != 0)
        fail_msg("script: exit %d: %s", r.code, r.err);
    assert_non_null(strstr(r.out, "Morning Briefing"));
    assert_null(strstr(r.out, "Data first, "));
    run_free(&r);
}

/* Files of the form .NAME.tmp-XXXXXX in dir. */
static int temp_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] == '.' && strstr(e->d_name, ".tmp-") != NULL;
    if (d)
        closedir(d);
    return n;
}

/* SIGTERM while the audio is written leaves no temporary file, and a
 * stale one a killed run left is removed by the next run. */
static void test_signal_leaves_nothing(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_signal");
    char stale[1200];
    snprintf(stale, sizeof(stale), "%s/.long.wav.tmp-Ab12Cd", dir);
    FILE *f = fopen(stale, "w");
    assert_non_null(f);
    fclose(f);
    /* a long text, so that the run is still writing when stopped */
    char text[1200];
    snprintf(text, sizeof(text), "%s/long.txt", dir);
    f = fopen(text, "w");
    assert_non_null(f);
    for (int i = 0; i < 300; i++)
        fprintf(f, "Paragraph %d of a long text that takes a while to say aloud.\n\n", i);
    fclose(f);
    char wav[1200];
    snprintf(wav, sizeof(wav), "%s/long.wav", dir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(BIN, BIN, "speak", text, "-o", wav, (char *)NULL);
        _exit(127);
    }
    /* wait for the stale file to go (cleaned first) and the new one to come */
    int seen = 0;
    for (int i = 0; i < 3000 && !seen; i++) {
        struct stat st;
        seen = stat(stale, &st) != 0 && temp_files(dir) > 0;
        if (!seen)
            nanosleep(&(struct timespec){0, 10000000}, NULL);
    }
    assert_true(seen);
    kill(pid, SIGTERM);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    assert_int_equal(temp_files(dir), 0);
    struct stat st;
    assert_int_not_equal(stat(wav, &st), 0); /* no half-written output */
    free(dir);
}

/* `speak` refuses a binary file (it once spoke 100 KB of random bytes for
 * five hours) and writes nothing. */
static void test_speak_refuses_binary(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_binary");
    char bin[1200], wav[1200];
    snprintf(bin, sizeof(bin), "%s/noise.bin", dir);
    snprintf(wav, sizeof(wav), "%s/noise.wav", dir);
    FILE *f = fopen(bin, "wb");
    assert_non_null(f);
    uint32_t x = 2463534242u; /* xorshift: bytes of every value */
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        fputc((int)(x & 0xFF), f);
    }
    fclose(f);
    struct run r = run_cmd(NULL, (char *[]){BIN, "speak", bin, "-o", wav, NULL});
    assert_int_equal(r.code, 2);
    char want[1400];
    snprintf(want, sizeof(want), "newsbrief: %s: not a text file (it holds binary data)\n", bin);
    assert_string_equal(r.err, want);
    struct stat st;
    assert_int_not_equal(stat(wav, &st), 0);
    run_free(&r);
    free(dir);
}

/* A voice the edited script names that eSpeak NG lacks is said at its
 * mark, FILE:LINE:COLUMN. */
static void test_script_voice_at_its_mark(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_script_voice");
    char script[1200], wav[1200];
    snprintf(script, sizeof(script), "%s/edited.txt", dir);
    snprintf(wav, sizeof(wav), "%s/edited.wav", dir);
    FILE *f = fopen(script, "w");
    assert_non_null(f);
    fputs("# newsbrief script\n\n[intro voice=anchor]\nGood morning.\n\n"
          "[story story=1 voice=nosuchvoice]\nThe bridge has reopened.\n",
          f);
    fclose(f);
    struct run r = run_cmd(NULL, (char *[]){BIN, "speak", script, "-o", wav, NULL});
    assert_int_equal(r.code, 2);
    char want[1400];
    snprintf(want, sizeof(want), "newsbrief: %s:6:22: eSpeak NG has no voice 'nosuchvoice'\n",
             script);
    assert_string_equal(r.err, want);
    run_free(&r);
    free(dir);
}

/* --voice: a name that is neither a profile nor an eSpeak NG voice is said
 * as the option's; a profile path is taken from the current folder, not
 * the text's; a profile's variants are checked at their place. */
static void test_speak_voice_option(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_speak_voice");
    char text[1200], wav[1200], profile[1200], want[2600], cwd[1024];
    snprintf(text, sizeof(text), "%s/sub/t.txt", dir);
    snprintf(wav, sizeof(wav), "%s/t.wav", dir);
    snprintf(profile, sizeof(profile), "%s/my/p.yaml", dir);
    struct nb_error err;
    snprintf(want, sizeof(want), "%s/sub", dir);
    assert_int_equal(nb_file_mkdirs(want, &err), NB_OK);
    snprintf(want, sizeof(want), "%s/my", dir);
    assert_int_equal(nb_file_mkdirs(want, &err), NB_OK);
    assert_int_equal(nb_file_write_atomic(text, "The bridge has reopened.\n", 25, &err), NB_OK);

    struct run r =
        run_cmd(NULL, (char *[]){BIN, "speak", text, "-o", wav, "--voice", "nobody-here", NULL});
    assert_int_equal(r.code, 2);
    assert_string_equal(r.err, "newsbrief: speak: --voice: no voice profile or eSpeak NG voice "
                               "'nobody-here' (see 'newsbrief voices')\n");
    assert_int_not_equal(access(wav, F_OK), 0);
    run_free(&r);

    static const char bad[] = "espeak: en-gb\nvariants:\n  female: [f3, zz9]\n";
    assert_int_equal(nb_file_write_atomic(profile, bad, sizeof(bad) - 1, &err), NB_OK);
    r = run_cmd(NULL, (char *[]){BIN, "speak", text, "-o", wav, "--voice", profile, NULL});
    assert_int_equal(r.code, 2);
    snprintf(want, sizeof(want),
             "newsbrief: %s:3:16: 'female': eSpeak NG has no variant 'zz9' (variants such as f3 "
             "or m7)\n",
             profile);
    assert_string_equal(r.err, want);
    assert_int_not_equal(access(wav, F_OK), 0);
    run_free(&r);

    /* my/p.yaml from the current folder, though the text is in sub/ */
    static const char good[] = "espeak: en-gb\nrate: 200\n";
    assert_int_equal(nb_file_write_atomic(profile, good, sizeof(good) - 1, &err), NB_OK);
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0);
    r = run_cmd(NULL,
                (char *[]){BIN, "speak", "sub/t.txt", "-o", "t.wav", "--voice", "my/p.yaml", NULL});
    assert_int_equal(chdir(cwd), 0);
    if (r.code != 0)
        fail_msg("speak --voice my/p.yaml: %s", r.err);
    assert_int_equal(access(wav, F_OK), 0);
    run_free(&r);
    free(dir);
}

/* A sentence longer than the limit is refused before anything is spoken
 * (a megabyte of one sentence ran for minutes and took gigabytes). */
static void test_speak_refuses_endless_sentence(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_endless");
    char text[1200], wav[1200];
    snprintf(text, sizeof(text), "%s/endless.txt", dir);
    snprintf(wav, sizeof(wav), "%s/endless.wav", dir);
    FILE *f = fopen(text, "w");
    assert_non_null(f);
    fputs("Endless\n\nThe", f);
    for (int i = 0; i < 100000; i++)
        fputs(" and then", f);
    fputs(".\n", f);
    fclose(f);
    struct run r = run_cmd(NULL, (char *[]){BIN, "speak", text, "-o", wav, NULL});
    assert_int_equal(r.code, 2);
    char want[1400];
    snprintf(want, sizeof(want),
             "newsbrief: %s: segment 2 (a story): it has 900,004 characters, more than the "
             "20,000 allowed (a briefing raises it with 'limits: {segment: N}')\n",
             text);
    assert_string_equal(r.err, want);
    struct stat st;
    assert_int_not_equal(stat(wav, &st), 0);
    run_free(&r);
    free(dir);
}

/* Under a small address-space limit the command fails with a message or
 * works; it never aborts (eSpeak NG asserted when it could not start its
 * thread), and nothing the audio libraries print reaches standard error. */
static void test_little_memory_no_abort(void **state)
{
    (void)state;
#if defined(__SANITIZE_ADDRESS__)
    skip(); /* AddressSanitizer needs terabytes of address space */
#else
    char *dir = nb_test_tmpdir("cli_memory");
    char text[1200], wav[1200];
    snprintf(text, sizeof(text), "%s/short.txt", dir);
    snprintf(wav, sizeof(wav), "%s/short.wav", dir);
    FILE *f = fopen(text, "w");
    assert_non_null(f);
    fputs("The bridge has reopened after repairs.\n", f);
    fclose(f);
    int worked = 0, refused = 0;
    for (int mb = 40; mb <= 160; mb += 4) {
        char cmd[4000];
        snprintf(cmd, sizeof(cmd), "ulimit -v %d && exec '%s' speak '%s' -o '%s'", mb * 1024, BIN,
                 text, wav);
        char *out = NULL, *err = NULL;
        int code = nb_test_run((char *[]){"/bin/sh", "-c", cmd, NULL}, NULL, &out, &err);
        if (code == 0) {
            worked++;
            if (strstr(err, "mmap() failed"))
                fail_msg("%d MB: library noise on stderr: %s", mb, err);
        } else if (code == 1) {
            refused++;
            if (strncmp(err, "newsbrief: ", 11) != 0 || strchr(err, '\n') != err + strlen(err) - 1)
                fail_msg("%d MB: not one line of newsbrief's: %s", mb, err);
        } else if (code != 127) { /* 127: the loader could not map a library */
            fail_msg("%d MB: exit %d: %s", mb, code, err);
        }
        free(out);
        free(err);
    }
    assert_true(worked > 0);
    free(dir);
    (void)refused;
#endif
}

/* A child process of `parent` (a speech worker), or 0. */
static pid_t child_of(pid_t parent)
{
    DIR *d = opendir("/proc");
    if (!d)
        return 0;
    pid_t found = 0;
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        char path[300], line[512];
        if (e->d_name[0] < '1' || e->d_name[0] > '9')
            continue;
        snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        size_t n = fread(line, 1, sizeof(line) - 1, f);
        fclose(f);
        line[n] = '\0';
        const char *close = strrchr(line, ')'); /* after the command's name */
        char st;
        int ppid;
        if (close && sscanf(close + 1, " %c %d", &st, &ppid) == 2 && ppid == parent)
            found = (pid_t)atoi(e->d_name);
    }
    closedir(d);
    return found;
}

/* A speech worker killed mid-segment: the command fails, naming the
 * segment, and leaves neither output nor temporary files. */
static void test_killed_worker_fails_cleanly(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_worker_killed");
    char text[1200], wav[1200], errors[1200];
    snprintf(text, sizeof(text), "%s/long.txt", dir);
    snprintf(wav, sizeof(wav), "%s/long.wav", dir);
    snprintf(errors, sizeof(errors), "%s/stderr.txt", dir);
    FILE *f = fopen(text, "w");
    assert_non_null(f);
    for (int i = 0; i < 300; i++)
        fprintf(f, "Paragraph %d of a long text that takes a while to say aloud.\n\n", i);
    fclose(f);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        int e = open(errors, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(null, 1);
        dup2(e, 2);
        execl(BIN, BIN, "speak", text, "-o", wav, "-j1", (char *)NULL);
        _exit(127);
    }
    pid_t worker = 0;
    for (int i = 0; i < 3000 && !worker; i++) {
        worker = child_of(pid);
        if (!worker)
            nanosleep(&(struct timespec){0, 10000000}, NULL);
    }
    assert_true(worker > 0);
    nanosleep(&(struct timespec){0, 50000000}, NULL); /* into its block */
    kill(worker, SIGKILL);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) != 0);
    size_t len;
    char *said = nb_test_file(errors, &len);
    assert_non_null(said);
    assert_non_null(strstr(said, "speech failed at segment"));
    assert_non_null(strstr(said, "eSpeak NG crashed (signal 9)"));
    assert_true(len > 0 && strchr(said, '\n') == said + len - 1); /* one line */
    free(said);
    assert_int_equal(temp_files(dir), 0);
    struct stat st;
    assert_int_not_equal(stat(wav, &st), 0);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_and_version),
        cmocka_unit_test(test_build_writes_wav),
        cmocka_unit_test(test_failed_build_keeps_previous_output),
        cmocka_unit_test(test_bad_briefings),
        cmocka_unit_test(test_read_json),
        cmocka_unit_test(test_read_several),
        cmocka_unit_test(test_script_json),
        cmocka_unit_test(test_sentences_and_normalise),
        cmocka_unit_test(test_summarise),
        cmocka_unit_test(test_speak_text_and_edited_script),
        cmocka_unit_test(test_signal_leaves_nothing),
        cmocka_unit_test(test_killed_worker_fails_cleanly),
        cmocka_unit_test(test_speak_refuses_binary),
        cmocka_unit_test(test_script_voice_at_its_mark),
        cmocka_unit_test(test_speak_voice_option),
        cmocka_unit_test(test_speak_refuses_endless_sentence),
        cmocka_unit_test(test_little_memory_no_abort),
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_voices),
        cmocka_unit_test(test_default_briefing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
