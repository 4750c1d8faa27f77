/* test_bulletin_e2e.c - the bulletin end to end: the real command on the
 * example briefing, its duration fitted by real synthesis, the script
 * edited by hand and spoken back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "support.h"
#include "text/error.h"
#include "text/file.h"

#define BIN NB_TEST_BINARY
#define EXAMPLE NB_DATA_DIR "/briefings/example.yaml"

/* A copy of the example briefing with another duration, beside it (the
 * articles and voices resolve as for the example). */
static char *briefing_for(const char *dir, const char *duration)
{
    size_t len;
    char *text = nb_test_fixture("../../briefings/example.yaml", &len);
    char *line = strstr(text, "duration: 3m");
    assert_non_null(line);
    char out[4096];
    int n = snprintf(out, sizeof(out), "%.*sduration: %s%s", (int)(line - text), text, duration,
                     line + strlen("duration: 3m"));
    /* paths in the copy are absolute: it lives in a scratch folder */
    char fixed[8192];
    size_t o = 0;
    for (int i = 0; i < n && o + 64 < sizeof(fixed); i++) {
        if ((strncmp(out + i, "articles/", 9) == 0 || strncmp(out + i, "feeds/", 6) == 0 ||
             strncmp(out + i, "example-lexicon.yaml", 20) == 0) &&
            (i == 0 || out[i - 1] != '/')) {
            o += (size_t)snprintf(fixed + o, sizeof(fixed) - o, "%s/briefings/", NB_DATA_DIR);
        }
        fixed[o++] = out[i];
    }
    fixed[o] = 0;
    char *path = malloc(strlen(dir) + 32);
    snprintf(path, strlen(dir) + 32, "%s/fit-%s.yaml", dir, duration);
    struct nb_error err;
    assert_int_equal(nb_file_write_atomic(path, fixed, o, &err), NB_OK);
    free(text);
    return path;
}

/* Duration fitting measured on the real synthesis: within 5% at 60 s,
 * 3 min and 10 min. */
static void test_duration_fitting(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("e2e_fit");
    static const struct {
        const char *duration;
        double seconds;
    } cases[] = {{"60s", 60}, {"3m", 180}, {"10m", 600}};
    for (size_t i = 0; i < 3; i++) {
        char *briefing = briefing_for(dir, cases[i].duration);
        char *out = NULL, *err = NULL;
        char *argv[] = {BIN, "build", briefing, "-o", dir, NULL};
        int code = nb_test_run(argv, NULL, &out, &err);
        if (code != 0)
            fail_msg("build %s: exit %d: %s", cases[i].duration, code, err);
        char wav[1024];
        snprintf(wav, sizeof(wav), "%s/morning-briefing.wav", dir);
        double got = nb_test_wav_seconds(wav);
        print_message("duration %s: %.1f s\n", cases[i].duration, got);
        if (got < cases[i].seconds * 0.95 || got > cases[i].seconds * 1.05)
            fail_msg("duration %s: the audio lasts %.1f s", cases[i].duration, got);
        free(out);
        free(err);
        free(briefing);
    }
    free(dir);
}

/* script > file, edit it, speak it: the edit is what is heard. */
static void test_edit_round_trip(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("e2e_edit");
    char *text = NULL, *err = NULL;
    char *argv[] = {BIN, "script", EXAMPLE, NULL};
    assert_int_equal(nb_test_run(argv, NULL, &text, &err), 0);
    assert_non_null(strstr(text, "[headlines voice=anchor]\nFirst, the headlines."));
    assert_non_null(strstr(text, "[intro voice=anchor]\nGood morning."));
    /* the producer cuts everything after the first story and rewrites its lead */
    char *cut = strstr(text, "[transition story=2");
    assert_non_null(cut);
    char edited[16384];
    int n = snprintf(edited, sizeof(edited),
                     "%.*s[quote story=1 voice=correspondent]\nWe will see.\n\n"
                     "[outro voice=anchor]\nThat is all.\n",
                     (int)(cut - text), text);
    char script[1024], wav[1024];
    snprintf(script, sizeof(script), "%s/morning.txt", dir);
    snprintf(wav, sizeof(wav), "%s/morning.wav", dir);
    struct nb_error e;
    assert_int_equal(nb_file_write_atomic(script, edited, (size_t)n, &e), NB_OK);
    char *out = NULL, *err2 = NULL;
    char *speak[] = {BIN, "speak", script, "-o", wav, NULL};
    int code = nb_test_run(speak, NULL, &out, &err2);
    if (code != 0)
        fail_msg("speak: %s", err2);
    double edited_seconds = nb_test_wav_seconds(wav);
    assert_true(edited_seconds > 5);
    assert_true(edited_seconds < 100); /* far shorter than the 3 minute bulletin */
    free(out);
    free(err2);
    free(text);
    free(err);
    free(dir);
}

/* --json: the foundation's contract, text and spoken both set. */
static void test_script_json(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    char *argv[] = {BIN, "script", EXAMPLE, "--json", NULL};
    assert_int_equal(nb_test_run(argv, NULL, &out, &err), 0);
    struct json_object *o = json_tokener_parse(out);
    assert_non_null(o);
    struct json_object *segs, *v;
    assert_true(json_object_object_get_ex(o, "title", &v));
    assert_true(json_object_object_get_ex(o, "date", &v));
    assert_true(json_object_object_get_ex(o, "segments", &segs));
    size_t n = json_object_array_length(segs);
    assert_true(n > 5);
    int kinds[6] = {0};
    static const char *const names[] = {"intro", "headlines",  "story",
                                        "quote", "transition", "outro"};
    for (size_t i = 0; i < n; i++) {
        struct json_object *g = json_object_array_get_idx(segs, i), *kind, *text, *spoken, *story,
                           *voice, *speaker;
        assert_int_equal(json_object_object_length(g), 6);
        assert_true(json_object_object_get_ex(g, "kind", &kind));
        /* a quote names its speaker; the newsreader's segments say null */
        assert_true(json_object_object_get_ex(g, "speaker", &speaker));
        assert_true(json_object_is_type(speaker, json_type_null) ||
                    (json_object_is_type(speaker, json_type_string) &&
                     strcmp(json_object_get_string(kind), "quote") == 0));
        assert_true(json_object_object_get_ex(g, "story", &story));
        assert_true(json_object_object_get_ex(g, "voice", &voice));
        assert_true(json_object_object_get_ex(g, "text", &text));
        assert_true(json_object_object_get_ex(g, "spoken", &spoken));
        assert_true(json_object_get_string_len(text) > 0);
        assert_true(json_object_get_string_len(spoken) > 0);
        for (int k = 0; k < 6; k++)
            kinds[k] += strcmp(json_object_get_string(kind), names[k]) == 0;
    }
    assert_int_equal(kinds[0], 1);
    assert_int_equal(kinds[1], 2); /* headlines and recap */
    assert_int_equal(kinds[5], 1);
    json_object_put(o);
    free(out);
    free(err);
}

/* An impossible duration is an error at the briefing's line and column. */
static void test_duration_cannot_be_met(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("e2e_short");
    char *briefing = briefing_for(dir, "30s");
    char *out = NULL, *err = NULL;
    char *argv[] = {BIN, "script", briefing, NULL};
    assert_int_equal(nb_test_run(argv, NULL, &out, &err), 2);
    /* the whole message, once: only the length measured may vary */
    const char *lasts = strstr(err, "lasts ");
    assert_non_null(lasts);
    double seconds = strtod(lasts + 6, NULL);
    size_t len;
    char *text = nb_test_file(briefing, &len);
    unsigned line = 1;
    for (const char *p = text; p < strstr(text, "\nduration: 30s"); p++)
        line += *p == '\n';
    free(text);
    char want[2048];
    snprintf(want, sizeof(want),
             "newsbrief: %s:%u:11: 'duration': a bulletin of 30 s cannot be made: the shortest "
             "one (intro, one story of one sentence, outro) lasts %.1f s\n",
             briefing, line + 1, seconds);
    assert_string_equal(err, want);
    assert_string_equal(out, "");
    free(out);
    free(err);
    free(briefing);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_script_json),
        cmocka_unit_test(test_edit_round_trip),
        cmocka_unit_test(test_duration_fitting),
        cmocka_unit_test(test_duration_cannot_be_met),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
