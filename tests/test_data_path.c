/* test_data_path.c - the one search for data files: its order, the
 * installed data folder, missing files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "support.h"
#include "text/buf.h"
#include "text/data_path.h"
#include "text/strv.h"

#define DATA NB_TEST_FIXTURES "/data"
#define BRIEFINGS NB_TEST_FIXTURES "/config/briefings"
#define ENV_VOICES NB_TEST_FIXTURES "/config/env_voices"
#define INSTALLED NB_DATA_DIR /* a test runs from the build folder: the source tree */

static void clear_env(void)
{
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
}

/* nb_data_dirs(sub, base) is exactly want[] (NULL-terminated). */
static void assert_dirs(const char *sub, const char *base, const char *const *want)
{
    struct nb_strv dirs;
    nb_strv_init(&dirs);
    assert_int_equal(nb_data_dirs(sub, base, &dirs), 0);
    size_t n = 0;
    for (; want[n]; n++) {
        if (n >= dirs.n)
            fail_msg("%s: %zu folders, want more: %s", sub, dirs.n, want[n]);
        assert_string_equal(dirs.v[n], want[n]);
    }
    assert_int_equal(dirs.n, n);
    nb_strv_release(&dirs);
}

static void test_order(void **state)
{
    (void)state;
    clear_env();
    assert_dirs("voices", "/b",
                (const char *const[]){"/b/voices", "/b/../voices", INSTALLED "/voices", NULL});
    /* no briefing: only the installed folder */
    assert_dirs("voices", NULL, (const char *const[]){INSTALLED "/voices", NULL});
    /* $NEWSBRIEF_DATA first, then $NEWSBRIEF_VOICES, then the briefing's */
    setenv("NEWSBRIEF_DATA", "/d", 1);
    setenv("NEWSBRIEF_VOICES", "/v", 1);
    assert_dirs("voices", "/b",
                (const char *const[]){"/d/voices", "/v", "/b/voices", "/b/../voices",
                                      INSTALLED "/voices", NULL});
    /* $NEWSBRIEF_VOICES is a folder of profiles: not for briefings */
    assert_dirs("briefings", ".",
                (const char *const[]){"/d/briefings", "briefings", "../briefings",
                                      INSTALLED "/briefings", NULL});
    /* empty variables are unset ones */
    setenv("NEWSBRIEF_DATA", "", 1);
    setenv("NEWSBRIEF_VOICES", "", 1);
    assert_dirs("voices", "/b",
                (const char *const[]){"/b/voices", "/b/../voices", INSTALLED "/voices", NULL});
    clear_env();
}

/* nb_data_find("voices", file, base) finds `want` (NULL: nothing). */
static void assert_find(const char *file, const char *base, const char *want)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    nb_buf_adds(&out, "x=");
    int found = -1;
    assert_int_equal(nb_data_find(NB_DATA_VOICES, file, base, &out, &found), NB_OK);
    if (!want) {
        assert_int_equal(found, 0);
        assert_string_equal(out.data, "x="); /* untouched */
    } else {
        if (found != 1)
            fail_msg("%s: not found, want %s", file, want);
        assert_string_equal(out.data + 2, want);
    }
    nb_buf_release(&out);
}

static void test_find_order(void **state)
{
    (void)state;
    clear_env();
    /* the installed folder */
    assert_find("anchor.yaml", BRIEFINGS, INSTALLED "/voices/anchor.yaml");
    assert_find("transitions-en.yaml", BRIEFINGS, INSTALLED "/voices/transitions-en.yaml");
    assert_find("lexicon-en.yaml", NULL, INSTALLED "/voices/lexicon-en.yaml");
    /* beside the briefing, before the installed folder; voices/ before ../voices/ */
    assert_find("local.yaml", BRIEFINGS, BRIEFINGS "/voices/local.yaml");
    assert_find("shared.yaml", BRIEFINGS, BRIEFINGS "/../voices/shared.yaml");
    assert_find("twice.yaml", BRIEFINGS, BRIEFINGS "/voices/twice.yaml");
    assert_find("transitions-en.yaml", DATA "/briefings",
                DATA "/briefings/../voices/transitions-en.yaml");
    /* $NEWSBRIEF_VOICES before the briefing's folder and the installed one */
    setenv("NEWSBRIEF_VOICES", ENV_VOICES, 1);
    assert_find("anchor.yaml", BRIEFINGS, ENV_VOICES "/anchor.yaml");
    assert_find("envonly.yaml", BRIEFINGS, ENV_VOICES "/envonly.yaml");
    assert_find("local.yaml", BRIEFINGS, BRIEFINGS "/voices/local.yaml");
    setenv("NEWSBRIEF_VOICES", DATA "/voices", 1);
    assert_find("twice.yaml", BRIEFINGS, DATA "/voices/twice.yaml");
    /* $NEWSBRIEF_DATA before everything */
    setenv("NEWSBRIEF_VOICES", ENV_VOICES, 1);
    setenv("NEWSBRIEF_DATA", DATA, 1);
    assert_find("anchor.yaml", BRIEFINGS, DATA "/voices/anchor.yaml");
    assert_find("twice.yaml", BRIEFINGS, DATA "/voices/twice.yaml");
    assert_find("lexicon-en.yaml", NULL, DATA "/voices/lexicon-en.yaml");
    assert_find("envonly.yaml", BRIEFINGS, ENV_VOICES "/envonly.yaml");
    assert_find("correspondent.yaml", BRIEFINGS, INSTALLED "/voices/correspondent.yaml");
    clear_env();
}

static void test_missing(void **state)
{
    (void)state;
    clear_env();
    assert_find("nobody.yaml", BRIEFINGS, NULL);
    assert_find("nobody.yaml", NULL, NULL);
    setenv("NEWSBRIEF_DATA", "/nonexistent", 1);
    setenv("NEWSBRIEF_VOICES", "/nonexistent/voices", 1);
    assert_find("nobody.yaml", BRIEFINGS, NULL);
    /* missing folders in the search do not hide the later ones */
    assert_find("anchor.yaml", "/nonexistent", INSTALLED "/voices/anchor.yaml");
    clear_env();
    /* a folder is not a data file */
    struct nb_strv dirs;
    struct nb_buf out;
    nb_strv_init(&dirs);
    nb_buf_init(&out, 0);
    assert_int_equal(nb_strv_pushs(&dirs, NB_TEST_FIXTURES), 0);
    int found = -1;
    assert_int_equal(nb_data_find_in(&dirs, "data", &out, &found), NB_OK);
    assert_int_equal(found, 0);
    assert_int_equal(out.len, 0);
    assert_int_equal(nb_data_find_in(&dirs, "data/voices/twice.yaml", &out, &found), NB_OK);
    assert_int_equal(found, 1);
    assert_string_equal(out.data, NB_TEST_FIXTURES "/data/voices/twice.yaml");
    nb_buf_release(&out);
    nb_strv_release(&dirs);
}

static void assert_installed_of(const char *exe, const char *want)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_data_installed_dir_of(exe, &out), 0);
    assert_string_equal(out.data, want);
    nb_buf_release(&out);
}

static void test_installed(void **state)
{
    (void)state;
    /* a program in the build folder uses the source tree */
    assert_installed_of(NB_TEST_BINARY, NB_DATA_DIR);
    struct nb_buf out;
    nb_buf_init(&out, 0);
    int found = 0;
    assert_int_equal(nb_data_installed_dir(&out, &found), NB_OK);
    assert_int_equal(found, 1);
    assert_string_equal(out.data, NB_DATA_DIR);
    nb_buf_release(&out);
    /* an installed one looks beside its own folder, under any prefix */
    if (strcmp(NB_DATA_RELDIR, "../share/newsbrief") != 0)
        skip(); /* configured with other install folders */
    char *dir = nb_test_tmpdir("data_path_prefix");
    char bin[4096], want[4096];
    snprintf(bin, sizeof(bin), "%s/bin", dir);
    assert_int_equal(mkdir(bin, 0755), 0);
    snprintf(bin, sizeof(bin), "%s/bin/newsbrief", dir);
    snprintf(want, sizeof(want), "%s/share/newsbrief", dir);
    assert_installed_of(bin, want);
    assert_installed_of("/opt/nb/bin/newsbrief", "/opt/nb/share/newsbrief");
    assert_installed_of("/usr/bin/newsbrief", "/usr/share/newsbrief");
    assert_installed_of("/newsbrief", "/share/newsbrief");
    free(dir);
}

static void test_folders_once(void **state)
{
    (void)state;
    struct nb_strv dirs;
    struct nb_buf list;
    nb_strv_init(&dirs);
    nb_buf_init(&list, 0);
    const char *const all[] = {BRIEFINGS "/../voices", "/nonexistent",
                               NB_TEST_FIXTURES "/config/voices", BRIEFINGS "/voices",
                               BRIEFINGS "/voices/local.yaml"};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(nb_strv_pushs(&dirs, all[i]), 0);
    assert_int_equal(nb_data_dir_is_new(&dirs, 0), 1);
    assert_int_equal(nb_data_dir_is_new(&dirs, 1), 0); /* missing */
    assert_int_equal(nb_data_dir_is_new(&dirs, 2), 0); /* the first again */
    assert_int_equal(nb_data_dir_is_new(&dirs, 3), 1);
    assert_int_equal(nb_data_dir_is_new(&dirs, 4), 0); /* a file */
    assert_int_equal(nb_data_dir_is_new(&dirs, 5), 0); /* past the end */
    assert_int_equal(nb_data_dirs_format(&dirs, &list), 0);
    assert_string_equal(list.data, BRIEFINGS "/../voices, /nonexistent, " NB_TEST_FIXTURES
                                             "/config/voices, " BRIEFINGS "/voices, " BRIEFINGS
                                             "/voices/local.yaml");
    nb_buf_release(&list);
    nb_strv_release(&dirs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order),        cmocka_unit_test(test_find_order),
        cmocka_unit_test(test_missing),      cmocka_unit_test(test_installed),
        cmocka_unit_test(test_folders_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
