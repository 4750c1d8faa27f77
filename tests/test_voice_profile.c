/* test_voice_profile.c - loading voices/NAME.yaml and finding it by name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/voice_profile.h"
#include "support.h"
#include "text/buf.h"

#define CFG NB_TEST_FIXTURES "/config/"
#define PROFILE CFG "profile/"
#define BRIEFINGS CFG "briefings"
#define DATA NB_TEST_FIXTURES "/data"

static void assert_error(nb_status rc, const struct nb_error *err, const char *file, unsigned line,
                         unsigned column, const char *message)
{
    struct nb_buf want;
    char got[1024];
    nb_buf_init(&want, 0);
    nb_buf_addf(&want, "%s:%u:%u: %s", file, line, column, message);
    assert_int_equal(rc, NB_EINPUT);
    assert_string_equal(nb_error_format(err, got, sizeof(got)), want.data);
    nb_buf_release(&want);
}

static void test_full_profile(void **state)
{
    (void)state;
    struct nb_voice_profile v;
    struct nb_error err;
    nb_voice_profile_init(&v);
    nb_error_init(&err);
    assert_int_equal(nb_voice_profile_load(&v, PROFILE "full.yaml", &err), NB_OK);
    assert_string_equal(v.name, "reader");
    assert_string_equal(v.path, PROFILE "full.yaml");
    assert_string_equal(v.espeak, "en-us+f3");
    assert_string_equal(v.language, "en-us");
    assert_int_equal(v.espeak_mark.line, 2);
    assert_int_equal(v.espeak_mark.column, 9);
    assert_int_equal(v.rate, 180);
    assert_int_equal(v.pitch, 40);
    assert_int_equal(v.range, 60);
    assert_int_equal(v.volume, 120);
    assert_int_equal(v.sentence_pause_ms, 400);
    assert_int_equal(v.segment_pause_ms, 700);
    assert_int_equal(v.story_pause_ms, 1000);
    assert_int_equal(v.quote_pause_ms, 800);
    assert_int_equal(v.paragraph_pause_ms, 0); /* not given: the segment pause */
    assert_int_equal(v.female.n, 2);
    assert_string_equal(v.female.v[1], "f4");
    assert_int_equal(v.male.n, 1);
    assert_string_equal(v.male.v[0], "m7");
    /* a variant: the same settings, its own eSpeak NG voice and name */
    struct nb_voice_profile m;
    nb_voice_profile_init(&m);
    assert_int_equal(nb_voice_profile_variant(&v, v.male.v[0], &m, &err), NB_OK);
    assert_string_equal(m.name, "reader+m7");
    assert_string_equal(m.espeak, "en-us+m7");
    assert_string_equal(m.language, "en-us");
    assert_int_equal(m.rate, 180);
    assert_int_equal(m.story_pause_ms, 1000);
    assert_int_equal(m.female.n + m.male.n, 0);
    nb_voice_profile_release(&m);
    nb_voice_profile_release(&v);
    nb_voice_profile_release(&v);
}

static void test_defaults(void **state)
{
    (void)state;
    struct nb_voice_profile v;
    struct nb_error err;
    nb_voice_profile_init(&v);
    assert_int_equal(nb_voice_profile_load(&v, PROFILE "minimal.yaml", &err), NB_OK);
    assert_string_equal(v.name, "minimal"); /* from the file name */
    assert_string_equal(v.espeak, "en-gb");
    assert_string_equal(v.language, "en-gb");
    assert_int_equal(v.rate, 165);
    assert_int_equal(v.pitch, 50);
    assert_int_equal(v.range, 50);
    assert_int_equal(v.volume, 100);
    assert_int_equal(v.sentence_pause_ms, 350);
    assert_int_equal(v.segment_pause_ms, 600);
    assert_int_equal(v.story_pause_ms, 1000);
    /* loading again into the same struct replaces it */
    assert_int_equal(nb_voice_profile_load(&v, PROFILE "full.yaml", &err), NB_OK);
    assert_string_equal(v.name, "reader");
    nb_voice_profile_release(&v);
}

static void test_shipped_voices(void **state)
{
    (void)state;
    struct nb_voice_profile v;
    struct nb_error err;
    char msg[1024];
    nb_voice_profile_init(&v);
    if (nb_voice_profile_load(&v, NB_DATA_DIR "/voices/anchor.yaml", &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_string_equal(v.name, "anchor");
    assert_string_equal(v.espeak, "en-gb");
    assert_string_equal(v.language, "en-gb");
    assert_int_equal(v.rate, 165);
    if (nb_voice_profile_load(&v, NB_DATA_DIR "/voices/correspondent.yaml", &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_string_equal(v.name, "correspondent");
    assert_string_equal(v.espeak, "en-gb+f3");
    assert_string_equal(v.language, "en-gb");
    nb_voice_profile_release(&v);
}

struct error_case {
    const char *file;
    unsigned line, column;
    const char *message;
};

static void test_error_fixtures(void **state)
{
    (void)state;
    static const struct error_case cases[] = {
        {"unknown_key.yaml", 2, 1, "unknown key 'rat' (did you mean 'rate'?)"},
        {"unknown_pause.yaml", 3, 3, "unknown key 'sentense' (did you mean 'sentence'?)"},
        {"missing_espeak.yaml", 2, 1,
         "missing required key 'espeak' (an eSpeak NG voice such as en-gb)"},
        {"bad_rate.yaml", 2, 7, "'rate' must be a whole number from 80 to 450, not 'fast'"},
        {"rate_range.yaml", 2, 7, "'rate' must be a whole number from 80 to 450, not '600'"},
        {"pitch_quoted.yaml", 2, 8,
         "'pitch' must be a whole number from 0 to 100, not the text '45' (remove the quotes)"},
        {"bad_pause.yaml", 3, 13,
         "'sentence' must be a duration like 350ms, 1.2s or 1m30s, not 'soon'"},
        {"negative_pause.yaml", 3, 10, "'story' must not be negative, not '-1s'"},
        {"long_pause.yaml", 3, 10, "'story' must be at most 10s, not '1m'"},
        {"pauses_list.yaml", 2, 9,
         "'pauses' must be a mapping with sentence, segment, story, quote and paragraph, not a "
         "list"},
        {"bad_espeak.yaml", 1, 9,
         "'espeak' must be an eSpeak NG voice like en-gb or en-gb+f3, not 'en gb'"},
        {"espeak_list.yaml", 2, 3, "'espeak' must be text, not a list"},
        {"not_mapping.yaml", 1, 1,
         "a voice profile must be keys and values like 'espeak: en-gb', not a list"},
        {"empty.yaml", 1, 1, "the file is empty; a voice profile needs at least 'espeak'"},
        {"syntax.yaml", 2, 7, "mapping values are not allowed in this context"},
        {"empty_name.yaml", 1, 7, "'name' must not be empty"},
        {"bad_variant.yaml", 3, 16,
         "'female': 'f 2' is not an eSpeak NG variant (one word like f3 or m7)"},
        {"variants_list.yaml", 2, 11,
         "'variants' must be a mapping with female and male lists, not a list"},
        {"variants_scalar.yaml", 3, 9, "'male' must be a list of eSpeak NG variants like [f3, f2]"},
        {"variants_key.yaml", 3, 3, "unknown key 'man' (did you mean 'male'?)"},
        {"variants_many.yaml", 3, 9, "'male' lists 9 variants; at most 8 are used"},
        /* a path would have eSpeak NG open any file as a voice */
        {"espeak_path.yaml", 2, 9,
         "'espeak' must name an eSpeak NG voice such as en-gb, not a path: "
         "'../../../../etc/passwd'"},
        {"espeak_absolute.yaml", 1, 9,
         "'espeak' must name an eSpeak NG voice such as en-gb, not a path: "
         "'/usr/share/espeak-ng-data/voices/!v/f3'"},
        {"espeak_dotdot.yaml", 1, 9,
         "'espeak' must name an eSpeak NG voice such as en-gb, not a path: 'gmw/../en'"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_voice_profile v;
        struct nb_error err;
        struct nb_buf path;
        nb_buf_init(&path, 0);
        nb_buf_addf(&path, "%s%s", PROFILE, cases[i].file);
        nb_voice_profile_init(&v);
        nb_error_init(&err);
        nb_status rc = nb_voice_profile_load(&v, path.data, &err);
        assert_error(rc, &err, path.data, cases[i].line, cases[i].column, cases[i].message);
        /* a failed load leaves nothing behind */
        assert_null(v.espeak);
        assert_null(v.path);
        nb_voice_profile_release(&v);
        nb_buf_release(&path);
    }
}

/* An identifier such as gmw/en is a voice eSpeak NG lists, not a path. */
static void test_espeak_identifier(void **state)
{
    (void)state;
    struct nb_voice_profile v;
    struct nb_error err;
    nb_voice_profile_init(&v);
    nb_error_init(&err);
    assert_int_equal(nb_voice_profile_load(&v, PROFILE "espeak_identifier.yaml", &err), NB_OK);
    assert_string_equal(v.espeak, "gmw/en+f3");
    assert_string_equal(v.language, "gmw/en");
    nb_voice_profile_release(&v);
}

/* Each variant is looked up among eSpeak NG's, and one it lacks is said
 * where the profile writes it. */
static void test_check_variants(void **state)
{
    (void)state;
    struct nb_voice_profile v;
    struct nb_error err;
    nb_voice_profile_init(&v);
    nb_error_init(&err);
    assert_int_equal(nb_voice_profile_load(&v, PROFILE "full.yaml", &err), NB_OK);
    assert_int_equal(nb_voice_profile_check_variants(&v, &err), NB_OK);
    assert_int_equal(nb_voice_profile_load(&v, PROFILE "variants_unknown.yaml", &err), NB_OK);
    assert_int_equal(v.female_marks[1].line, 3);
    assert_int_equal(v.female_marks[1].column, 16);
    assert_int_equal(v.male_marks[1].line, 4);
    assert_int_equal(v.male_marks[1].column, 14);
    assert_error(nb_voice_profile_check_variants(&v, &err), &err, PROFILE "variants_unknown.yaml",
                 3, 16, "'female': eSpeak NG has no variant 'zz9' (variants such as f3 or m7)");
    /* "3" is eSpeak NG's m3, which it has */
    assert_int_equal(nb_voice_profile_load(&v, PROFILE "variants_male.yaml", &err), NB_OK);
    assert_error(nb_voice_profile_check_variants(&v, &err), &err, PROFILE "variants_male.yaml", 4,
                 14, "'male': eSpeak NG has no variant 'm99' (variants such as f3 or m7)");
    nb_voice_profile_release(&v);
}

static void test_missing_file(void **state)
{
    (void)state;
    struct nb_voice_profile v;
    struct nb_error err;
    nb_voice_profile_init(&v);
    nb_error_init(&err);
    assert_int_equal(nb_voice_profile_load(&v, PROFILE "nobody.yaml", &err), NB_EINPUT);
    assert_string_equal(err.file, PROFILE "nobody.yaml");
    nb_voice_profile_release(&v);
}

/* Finds `name` from base dir `base` and checks the path found. */
static void assert_found(const char *name, const char *base, const char *want)
{
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 0);
    nb_error_init(&err);
    nb_status rc = nb_voice_profile_find(name, base, &out, &err);
    if (rc != NB_OK)
        fail_msg("%s: %s", name, err.message);
    assert_string_equal(out.data, want);
    nb_buf_release(&out);
}

static void test_find_order(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    /* base/voices */
    assert_found("local", BRIEFINGS, BRIEFINGS "/voices/local.yaml");
    /* base/../voices */
    assert_found("shared", BRIEFINGS, BRIEFINGS "/../voices/shared.yaml");
    /* both have it: base/voices wins */
    assert_found("twice", BRIEFINGS, BRIEFINGS "/voices/twice.yaml");
    /* the installed voices (for a program in the build folder, the source tree's) */
    assert_found("anchor", BRIEFINGS, NB_DATA_DIR "/voices/anchor.yaml");
    assert_found("correspondent", BRIEFINGS, NB_DATA_DIR "/voices/correspondent.yaml");
    /* $NEWSBRIEF_VOICES, before the installed voices and the briefing's */
    setenv("NEWSBRIEF_VOICES", CFG "env_voices", 1);
    assert_found("envonly", BRIEFINGS, CFG "env_voices/envonly.yaml");
    assert_found("anchor", BRIEFINGS, CFG "env_voices/anchor.yaml");
    assert_found("local", BRIEFINGS, BRIEFINGS "/voices/local.yaml");
    setenv("NEWSBRIEF_VOICES", DATA "/voices", 1);
    assert_found("twice", BRIEFINGS, DATA "/voices/twice.yaml");
    setenv("NEWSBRIEF_VOICES", "", 1);
    assert_found("anchor", BRIEFINGS, NB_DATA_DIR "/voices/anchor.yaml");
    assert_found("twice", BRIEFINGS, BRIEFINGS "/voices/twice.yaml");
    /* $NEWSBRIEF_DATA/voices before everything */
    setenv("NEWSBRIEF_VOICES", CFG "env_voices", 1);
    setenv("NEWSBRIEF_DATA", DATA, 1);
    assert_found("anchor", BRIEFINGS, DATA "/voices/anchor.yaml");
    assert_found("twice", BRIEFINGS, DATA "/voices/twice.yaml");
    assert_found("envonly", BRIEFINGS, CFG "env_voices/envonly.yaml");
    assert_found("local", BRIEFINGS, BRIEFINGS "/voices/local.yaml");
    assert_found("correspondent", BRIEFINGS, NB_DATA_DIR "/voices/correspondent.yaml");
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
}

static void test_find_path(void **state)
{
    (void)state;
    assert_found("voices/local.yaml", BRIEFINGS, BRIEFINGS "/voices/local.yaml");
    assert_found("../voices/shared.yaml", BRIEFINGS, BRIEFINGS "/../voices/shared.yaml");
    assert_found(PROFILE "full.yaml", BRIEFINGS, PROFILE "full.yaml");
    /* appends to what is already there */
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 0);
    nb_buf_adds(&out, "voice=");
    assert_int_equal(nb_voice_profile_find("local", BRIEFINGS, &out, &err), NB_OK);
    assert_string_equal(out.data, "voice=" BRIEFINGS "/voices/local.yaml");
    nb_buf_release(&out);
}

static void test_find_errors(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 0);
    nb_error_init(&err);
    assert_int_equal(nb_voice_profile_find("ancor", BRIEFINGS, &out, &err), NB_EINPUT);
    assert_string_equal(err.file, "");
    /* every folder searched, with its profiles */
    assert_string_equal(err.message,
                        "no voice profile 'ancor' (did you mean 'anchor'?); profiles in " BRIEFINGS
                        "/voices: local, twice; profiles in " BRIEFINGS
                        "/../voices: shared, twice; profiles in " NB_DATA_DIR
                        "/voices: anchor, correspondent");
    assert_int_equal(out.len, 0);

    assert_int_equal(nb_voice_profile_find("zzzzzzzz", BRIEFINGS, &out, &err), NB_EINPUT);
    assert_string_equal(err.file, "");
    assert_string_equal(err.message, "no voice profile 'zzzzzzzz'; profiles in " BRIEFINGS
                                     "/voices: local, twice; profiles in " BRIEFINGS
                                     "/../voices: shared, twice; profiles in " NB_DATA_DIR
                                     "/voices: anchor, correspondent");

    /* the folders in the order searched: $NEWSBRIEF_DATA's first */
    setenv("NEWSBRIEF_DATA", DATA, 1);
    assert_int_equal(nb_voice_profile_find("dataonli", BRIEFINGS, &out, &err), NB_EINPUT);
    assert_string_equal(err.message,
                        "no voice profile 'dataonli' (did you mean 'dataonly'?); profiles in " DATA
                        "/voices: anchor, dataonly, twice; profiles in " BRIEFINGS
                        "/voices: local, twice; profiles in " BRIEFINGS
                        "/../voices: shared, twice; profiles in " NB_DATA_DIR
                        "/voices: anchor, correspondent");
    unsetenv("NEWSBRIEF_DATA");
    /* folders that do not exist are searched but not listed */
    setenv("NEWSBRIEF_DATA", "/nonexistent-data", 1);
    setenv("NEWSBRIEF_VOICES", "/nonexistent-voices", 1);
    assert_int_equal(nb_voice_profile_find("nobody", "/nonexistent", &out, &err), NB_EINPUT);
    assert_string_equal(err.message, "no voice profile 'nobody'; profiles in " NB_DATA_DIR
                                     "/voices: anchor, correspondent");
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");

    assert_int_equal(nb_voice_profile_find("voices/nobody.yaml", BRIEFINGS, &out, &err), NB_EINPUT);
    assert_string_equal(err.message, "no voice profile file '" BRIEFINGS "/voices/nobody.yaml'");
    /* a folder is not a profile file */
    assert_int_equal(nb_voice_profile_find("voices/", BRIEFINGS, &out, &err), NB_EINPUT);
    assert_int_equal(nb_voice_profile_find("", BRIEFINGS, &out, &err), NB_EINPUT);
    assert_string_equal(err.message, "the voice profile name is empty");
    assert_int_equal(nb_voice_profile_find("..", BRIEFINGS, &out, &err), NB_EINPUT);
    assert_string_equal(err.message, "'..' is not a voice profile name (names are like 'anchor')");
    assert_int_equal(out.len, 0);
    nb_buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_profile),      cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_shipped_voices),    cmocka_unit_test(test_error_fixtures),
        cmocka_unit_test(test_missing_file),      cmocka_unit_test(test_find_order),
        cmocka_unit_test(test_find_path),         cmocka_unit_test(test_find_errors),
        cmocka_unit_test(test_espeak_identifier), cmocka_unit_test(test_check_variants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
