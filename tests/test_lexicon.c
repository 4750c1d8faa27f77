/* test_lexicon.c - pronunciation lexicons: matching and YAML files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/lexicon.h"
#include "spoken/lexicon.h"
#include "spoken/normalise.h"
#include "text/buf.h"

static const char *match(const struct nb_lexicon *lex, const char *text, size_t *used)
{
    struct nb_lexicon_match m;
    *used = nb_lexicon_match(lex, text, strlen(text), 0, 0, &m);
    return *used ? m.spoken : NULL;
}

static void test_most_specific_wins(void **state)
{
    (void)state;
    struct nb_lexicon *lex = nb_lexicon_new();
    assert_int_equal(nb_lexicon_add(lex, "Xi", "Zai", 0, NB_LEXICON_SHIPPED, NULL, NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "Xi", "Shee", NB_LEXICON_CASE, NB_LEXICON_SHIPPED, NULL, NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "Xi Jinping", "Shee Jin-ping", 0, NB_LEXICON_SHIPPED, NULL, NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "reading", "Redding", NB_LEXICON_CASE, NB_LEXICON_SHIPPED, NULL, NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "Reading", "Redding", NB_LEXICON_CASE, NB_LEXICON_SHIPPED, NULL, NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "Reading", "Red-ing", NB_LEXICON_CASE, NB_LEXICON_BRIEFING, NULL, NULL), NB_OK);
    size_t n;
    assert_string_equal(match(lex, "Xi Jinping said", &n), "Shee Jin-ping"); /* longest */
    assert_int_equal(n, 10);
    assert_string_equal(match(lex, "Xi said", &n), "Shee"); /* case-sensitive first */
    assert_string_equal(match(lex, "XI said", &n), "Zai");
    assert_string_equal(match(lex, "Reading won", &n), "Red-ing"); /* briefing beats shipped */
    assert_null(match(lex, "Xian", &n));                               /* whole word */
    assert_null(match(lex, "READING", &n));
    assert_int_equal(nb_lexicon_count(lex), 6);
    nb_lexicon_free(lex);
    nb_lexicon_free(NULL);
}

static void test_add_refuses(void **state)
{
    (void)state;
    struct nb_lexicon *lex = nb_lexicon_new();
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_lexicon_add(lex, "", "x", 0, 0, NULL, &err), NB_EINPUT);
    assert_int_equal(nb_lexicon_add(lex, "-ism", "x", 0, 0, NULL, &err), NB_EINPUT);
    assert_int_equal(nb_lexicon_add(lex, "word", "", 0, 0, NULL, &err), NB_EINPUT);
    assert_int_equal(nb_lexicon_add(lex, "word", "<audio src=x>", 0, 0, NULL, &err), NB_EINPUT);
    assert_int_equal(nb_lexicon_add(lex, "word", "a]]b", NB_LEXICON_PHONEMES, 0, NULL, &err), NB_EINPUT);
    assert_string_equal(err.message, "pronunciation of 'word' may not contain ']'");
    /* phonemes the speech stage would not pass on as phonemes */
    static const char *const unsafe[] = {"a . a", "_^_FR b'On", "s'\xC3\xA9", "   ",
                                         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    for (size_t i = 0; i < sizeof(unsafe) / sizeof(unsafe[0]); i++) {
        assert_int_equal(nb_lexicon_add(lex, "word", unsafe[i], NB_LEXICON_PHONEMES, 0, NULL, &err),
                         NB_EINPUT);
        assert_string_equal(err.message,
                            "phonemes of 'word' must be 1 to 128 printable ASCII characters "
                            "without '.' or '_^_', no word over 60 (eSpeak NG would misread or "
                            "crash on them)");
    }
    assert_int_equal(nb_lexicon_count(lex), 0);
    assert_int_equal(nb_lexicon_add(lex, "word", "w'3:d", NB_LEXICON_PHONEMES, 0, NULL, &err),
                     NB_OK);
    assert_int_equal(nb_lexicon_count(lex), 1);
    nb_lexicon_free(lex);
}

static nb_status parse(struct nb_lexicon *lex, const char *yaml, struct nb_error *err)
{
    return nb_lexicon_parse(lex, "my-lexicon.yaml", yaml, strlen(yaml), NB_LEXICON_BRIEFING, err);
}

static void test_yaml(void **state)
{
    (void)state;
    struct nb_lexicon *lex = nb_lexicon_new();
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(parse(lex,
                           "language: en\n"
                           "entries:\n"
                           "  Nguyen: Win\n"
                           "  Saoirse: {phonemes: \"s'3:S@\"}\n"
                           "  WHO: {say: W-H-O, case-sensitive: true}\n"
                           "  Mc: {say: Mac, whole-word: false}\n",
                           &err),
                     NB_OK);
    assert_int_equal(nb_lexicon_count(lex), 4);
    struct nb_lexicon_match m;
    assert_int_equal(nb_lexicon_match(lex, "Saoirse", 7, 0, 0, &m), 7);
    assert_string_equal(m.spoken, "[[s'3:S@]]");
    assert_string_equal(m.source, "my-lexicon.yaml:4");
    assert_int_equal(nb_lexicon_match(lex, "who", 3, 0, 0, &m), 0);
    assert_int_equal(nb_lexicon_match(lex, "McCann", 6, 0, 0, &m), 2);
    nb_lexicon_free(lex);
}

static void check_error(const char *yaml, const char *want)
{
    struct nb_lexicon *lex = nb_lexicon_new();
    struct nb_error err;
    char msg[1024];
    nb_error_init(&err);
    assert_int_equal(parse(lex, yaml, &err), NB_EINPUT);
    nb_error_format(&err, msg, sizeof(msg));
    if (strcmp(msg, want) != 0)
        fail_msg("got '%s'\nwant '%s'", msg, want);
    nb_lexicon_free(lex);
}

static void test_yaml_errors(void **state)
{
    (void)state;
    check_error("entires:\n  a: b\n",
                "my-lexicon.yaml:1:1: unknown key 'entires' (did you mean 'entries'?)");
    check_error("entries:\n  Nguyen: {say: Win, phonemes: w'In}\n",
                "my-lexicon.yaml:2:11: lexicon entry 'Nguyen' needs exactly one of 'say' or 'phonemes'");
    check_error("entries:\n  Nguyen: {sey: Win}\n",
                "my-lexicon.yaml:2:12: unknown key 'sey' (did you mean 'say'?)");
    check_error("entries:\n  Nguyen: [Win]\n",
                "my-lexicon.yaml:2:11: lexicon entry 'Nguyen' must be a respelling or a mapping");
    check_error("entries:\n  Nguyen: {say: Win, whole-word: maybe}\n",
                "my-lexicon.yaml:2:34: 'whole-word' must be true or false, not 'maybe'");
    check_error("entries:\n  \"(x)\": y\n",
                "my-lexicon.yaml:2:3: lexicon word '(x)' must start and end with a letter or digit");
    check_error("- a\n", "my-lexicon.yaml:1:1: a lexicon must be a mapping with 'entries'");
}

/* The shipped lexicon loads, and a sample of its entries is applied. */
static void test_shipped(void **state)
{
    (void)state;
    struct nb_buf path;
    nb_buf_init(&path, 0);
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    int found = 0;
    assert_int_equal(nb_lexicon_shipped_path("en-GB", NULL, &path, &found), NB_OK);
    assert_int_equal(found, 1);
    assert_string_equal(path.data, NB_DATA_DIR "/voices/lexicon-en.yaml");
    struct nb_lexicon *lex = nb_lexicon_new();
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_lexicon_load(lex, path.data, NB_LEXICON_SHIPPED, &err), NB_OK);
    assert_true(nb_lexicon_count(lex) >= 20);
    struct nb_normaliser nz = {.language = "en-gb", .lexicon = lex};
    struct nb_buf out;
    nb_buf_init(&out, 0);
    const char *text = "Nguyen met Xi in Kyiv; Niamh of Sinn Féin spoke.";
    assert_int_equal(nb_normalise_ex(text, strlen(text), &nz, &out, NULL, &err), NB_OK);
    assert_string_equal(out.data, "Win met Shee in Keev; Neeve of Shin Fayn spoke.");
    nb_buf_release(&out);
    nb_buf_reset(&path);
    assert_int_equal(nb_lexicon_shipped_path("xx", NULL, &path, &found), NB_OK);
    assert_int_equal(found, 0);
    found = 1;
    assert_int_equal(nb_lexicon_shipped_path("../etc", NULL, &path, &found), NB_OK);
    assert_int_equal(found, 0);
    assert_int_equal(path.len, 0);
    nb_buf_release(&path);
    nb_lexicon_free(lex);
}

#define DATA NB_TEST_FIXTURES "/data"

static void assert_shipped_path(const char *base_dir, const char *want)
{
    struct nb_buf path;
    nb_buf_init(&path, 0);
    int found = 0;
    assert_int_equal(nb_lexicon_shipped_path("en-us", base_dir, &path, &found), NB_OK);
    assert_int_equal(found, 1);
    assert_string_equal(path.data, want);
    nb_buf_release(&path);
}

/* The shipped lexicon comes from the data search: $NEWSBRIEF_DATA,
 * $NEWSBRIEF_VOICES, beside the briefing, then the installed one. */
static void test_shipped_search(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    assert_shipped_path(NULL, NB_DATA_DIR "/voices/lexicon-en.yaml");
    assert_shipped_path(DATA "/briefings", DATA "/briefings/../voices/lexicon-en.yaml");
    setenv("NEWSBRIEF_VOICES", DATA "/voices", 1);
    assert_shipped_path(NULL, DATA "/voices/lexicon-en.yaml");
    unsetenv("NEWSBRIEF_VOICES");
    setenv("NEWSBRIEF_DATA", DATA, 1);
    assert_shipped_path(NULL, DATA "/voices/lexicon-en.yaml");
    assert_shipped_path(NB_DATA_DIR "/briefings", DATA "/voices/lexicon-en.yaml");
    /* and it is the one a lexicon opens with */
    struct nb_lexicon *lex = NULL;
    struct nb_error err;
    size_t n;
    nb_error_init(&err);
    assert_int_equal(nb_lexicon_open(&lex, "en-gb", 1, NULL, NULL, 0, &err), NB_OK);
    assert_string_equal(match(lex, "Nguyen", &n), "Data-Win");
    assert_int_equal(nb_lexicon_count(lex), 1);
    nb_lexicon_free(lex);
    unsetenv("NEWSBRIEF_DATA");
    assert_int_equal(nb_lexicon_open(&lex, "en-gb", 1, NULL, NULL, 0, &err), NB_OK);
    assert_string_equal(match(lex, "Nguyen", &n), "Win");
    nb_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_most_specific_wins),
        cmocka_unit_test(test_add_refuses),
        cmocka_unit_test(test_yaml),
        cmocka_unit_test(test_yaml_errors),
        cmocka_unit_test(test_shipped),
        cmocka_unit_test(test_shipped_search),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
