/* test_speech_failure.c - a bulletin when eSpeak NG crashes on a story.
 *
 * This test is linked with --wrap=espeak_ng_Synthesize: every synthesis
 * of the library goes through __wrap_espeak_ng_Synthesize below, which
 * kills the process speaking when the text holds the word CRASH_WORD, as
 * eSpeak NG's own crashes kill it.  Speech is made in worker processes
 * (speech/workers.h), so the worker dies, never the test.
 */
#include "bulletin/bulletin.h"
#include "support.h"
#include "text/error.h"
#include "text/file.h"

#include <espeak-ng/espeak_ng.h>

#include <dirent.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define CRASH_WORD "Wobblecrank"

espeak_ng_STATUS __real_espeak_ng_Synthesize(const void *text, size_t size, unsigned int position,
                                             espeak_POSITION_TYPE position_type,
                                             unsigned int end_position, unsigned int flags,
                                             unsigned int *unique_identifier, void *user_data);

espeak_ng_STATUS __wrap_espeak_ng_Synthesize(const void *text, size_t size, unsigned int position,
                                             espeak_POSITION_TYPE position_type,
                                             unsigned int end_position, unsigned int flags,
                                             unsigned int *unique_identifier, void *user_data);

espeak_ng_STATUS __wrap_espeak_ng_Synthesize(const void *text, size_t size, unsigned int position,
                                             espeak_POSITION_TYPE position_type,
                                             unsigned int end_position, unsigned int flags,
                                             unsigned int *unique_identifier, void *user_data)
{
    if (text && strstr(text, CRASH_WORD))
        raise(SIGKILL); /* as a crash inside eSpeak NG: no cleanup, no message */
    return __real_espeak_ng_Synthesize(text, size, position, position_type, end_position, flags,
                                       unique_identifier, user_data);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    struct nb_error err;
    if (nb_file_write_atomic(path, text, strlen(text), &err) != NB_OK)
        fail_msg("%s", err.message);
}

/* Three stories, the second one eSpeak NG "crashes" on; `extra` is added
 * to the briefing, whose path is returned. */
static char *setup_briefing(const char *dir, const char *name, const char *extra)
{
    write_file(dir, "harbour.txt",
               "Harbour wall repaired before the winter storms\n\n"
               "Engineers finished repairing the old harbour wall on Tuesday, two weeks ahead "
               "of the storm season. The work cost the council less than it had planned.\n\n"
               "Fishing boats will use the inner harbour again from Friday.\n");
    write_file(dir, "mill.txt",
               CRASH_WORD " mill reopens as a museum\n\n"
                          "The " CRASH_WORD " mill, closed for forty years, reopened on Monday "
                          "as a museum of the valley's wool trade.\n\n"
                          "Volunteers restored the water wheel over three summers.\n");
    write_file(dir, "choir.txt",
               "School choir wins the national final\n\n"
               "The choir of Northfield primary school won the national children's choir "
               "final in the capital on Saturday. Its thirty singers were the youngest in the "
               "competition.\n\n"
               "The school will sing at the new year concert in the cathedral.\n");
    char text[2048], *path = malloc(1024);
    assert_non_null(path);
    snprintf(text, sizeof(text),
             "title: Valley News\n"
             "date: 2026-12-03\n"
             "loudness: off\n"
             "articles:\n"
             "  - harbour.txt\n"
             "  - mill.txt\n"
             "  - choir.txt\n"
             "%s",
             extra);
    write_file(dir, name, text);
    snprintf(path, 1024, "%s/%s", dir, name);
    return path;
}

/* How many entries of folder `dir` end with `suffix`, or hold ".tmp". */
static int count_files(const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name), sl = strlen(suffix);
        if ((len >= sl && strcmp(e->d_name + len - sl, suffix) == 0) || strstr(e->d_name, ".tmp"))
            n++;
    }
    closedir(d);
    return n;
}

static int script_says(const struct nb_bulletin *bl, const char *word)
{
    for (size_t i = 0; i < bl->script.n; i++)
        if ((bl->script.segments[i].text && strstr(bl->script.segments[i].text, word)) ||
            (bl->script.segments[i].spoken && strstr(bl->script.segments[i].spoken, word)))
            return 1;
    return 0;
}

/* By default the build fails, naming the segment, and writes nothing. */
static void test_crash_fails_cleanly(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("speech_failure_fail");
    char *briefing = setup_briefing(dir, "valley.yaml", "");
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_build(&bl, briefing, dir, &err), NB_ESYNTH);
    assert_non_null(strstr(err.message, "speech failed at segment"));
    assert_non_null(strstr(err.message, CRASH_WORD));
    assert_non_null(strstr(err.message, "eSpeak NG crashed (signal 9)"));
    assert_int_equal(count_files(dir, ".wav"), 0);
    assert_int_equal(count_files(dir, ".json"), 0);
    nb_bulletin_release(&bl);
    free(briefing);
    free(dir);
}

/* on_error: skip leaves the story out with a warning naming it. */
static void check_skipped(const char *name, const char *extra)
{
    char *dir = nb_test_tmpdir(name);
    char *briefing = setup_briefing(dir, "valley.yaml", extra);
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    if (nb_bulletin_build(&bl, briefing, dir, &err) != NB_OK)
        fail_msg("%s", err.message);
    assert_int_equal(bl.stories, 2);
    assert_false(script_says(&bl, CRASH_WORD));
    assert_true(script_says(&bl, "harbour"));
    assert_true(script_says(&bl, "choir"));
    int warned = 0;
    for (size_t i = 0; i < bl.warnings.n; i++)
        if (strstr(bl.warnings.v[i], "on_error: skip: the story \"" CRASH_WORD
                                     " mill reopens as a museum\" is left out: speech failed") &&
            strstr(bl.warnings.v[i], "valley.yaml:"))
            warned++;
    assert_int_equal(warned, 1);
    assert_true(nb_test_wav_seconds(bl.output) > 5.0);
    assert_int_equal(count_files(dir, ".wav"), 1);
    nb_bulletin_release(&bl);
    free(briefing);
    free(dir);
}

static void test_skip_leaves_story_out(void **state)
{
    (void)state;
    check_skipped("speech_failure_skip", "on_error: skip\n");
}

/* Fitting to a duration speaks to measure: a crash there is skipped too. */
static void test_skip_while_fitting(void **state)
{
    (void)state;
    check_skipped("speech_failure_fit", "on_error: skip\nduration: 1m\n");
}

static void test_on_error_value_checked(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("speech_failure_value");
    char *briefing = setup_briefing(dir, "valley.yaml", "on_error: ignore\n");
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_build(&bl, briefing, dir, &err), NB_EINPUT);
    char msg[NB_ERROR_MSG_MAX + 1200];
    nb_error_format(&err, msg, sizeof(msg));
    assert_non_null(strstr(msg, "valley.yaml:8:11: 'on_error' must be fail"));
    nb_bulletin_release(&bl);
    free(briefing);
    free(dir);
}

/* The same bulletin with one worker and with two: the same bytes. */
static void test_same_audio_for_any_jobs(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("speech_failure_jobs");
    char *briefing = setup_briefing(dir, "valley.yaml", "on_error: skip\nduration: 1m\n");
    char *audio[2];
    size_t len[2];
    for (unsigned j = 0; j < 2; j++) {
        char out[1024];
        snprintf(out, sizeof(out), "%s/j%u", dir, j + 1);
        struct nb_bulletin bl;
        struct nb_error err;
        nb_bulletin_init(&bl);
        nb_error_init(&err);
        bl.jobs = j + 1;
        if (nb_bulletin_build(&bl, briefing, out, &err) != NB_OK)
            fail_msg("%s", err.message);
        audio[j] = nb_test_file(bl.output, &len[j]);
        assert_non_null(audio[j]);
        nb_bulletin_release(&bl);
    }
    assert_int_equal(len[0], len[1]);
    assert_memory_equal(audio[0], audio[1], len[0]);
    free(audio[0]);
    free(audio[1]);
    free(briefing);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crash_fails_cleanly),
        cmocka_unit_test(test_skip_leaves_story_out),
        cmocka_unit_test(test_skip_while_fitting),
        cmocka_unit_test(test_on_error_value_checked),
        cmocka_unit_test(test_same_audio_for_any_jobs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
