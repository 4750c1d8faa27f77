/* Tests of bulletin/bulletin.h: the pipeline as one library call, its
 * warnings, its errors as whole messages, and the reading stages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bulletin/bulletin.h"

#include <sndfile.h>
#include "script/limits.h"
#include "support.h"
#include "text/error.h"
#include "text/file.h"

#define FIXTURES NB_TEST_FIXTURES "/bulletin"

/* A briefing in `dir` for the fixture articles, with `extra` lines. */
static char *briefing_with(const char *dir, const char *name, const char *extra)
{
    char text[2048], *path = malloc(1024);
    int n = snprintf(text, sizeof(text),
                     "title: Island Bulletin\n"
                     "date: 2026-11-30\n"
                     "articles:\n"
                     "  - %s/articles/ferry.txt\n"
                     "  - %s/articles/library.txt\n"
                     "%s",
                     FIXTURES, FIXTURES, extra);
    snprintf(path, 1024, "%s/%s", dir, name);
    struct nb_error err;
    if (nb_file_write_atomic(path, text, (size_t)n, &err) != NB_OK)
        fail_msg("%s", err.message);
    return path;
}

static void mkdir_p(const char *dir, const char *sub)
{
    char path[1200];
    struct nb_error err;
    snprintf(path, sizeof(path), "%s/%s", dir, sub);
    if (nb_file_mkdirs(path, &err) != NB_OK)
        fail_msg("%s", err.message);
}

static void test_script_in_one_call(void **state)
{
    (void)state;
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    if (nb_bulletin_script(&bl, FIXTURES "/briefing.yaml", &err) != NB_OK)
        fail_msg("%s", err.message);
    assert_int_equal(bl.narticles, 2);
    /* the quote voice, then one per variant of it (a voice per person quoted) */
    assert_int_equal(bl.nvoices, 8);
    assert_string_equal(bl.voices[1].name, "correspondent");
    assert_string_equal(bl.voices[2].name, "correspondent+f3");
    assert_string_equal(bl.voices[2].espeak, "en-gb+f3");
    assert_int_equal(bl.nfemale, 3);
    assert_int_equal(bl.nmale, 3);
    /* the quote stage ran: the article knows who spoke */
    assert_int_equal(bl.articles[0].nquotes, 1);
    assert_string_equal(bl.articles[0].quotes[0].speaker, "Morag Leitch");
    assert_int_equal(bl.script.n, 6);
    assert_string_equal(bl.script.segments[0].text,
                        "Good evening. This is the Island Bulletin for Monday the 30th of "
                        "November.");
    assert_string_equal(bl.script.date, "2026-11-30");
    assert_int_equal(bl.fitted, 0);
    assert_int_equal(bl.warnings.n, 0);
    nb_bulletin_release(&bl);
    /* release leaves an empty bulletin, and again is safe */
    assert_int_equal(bl.narticles, 0);
    assert_null(bl.articles);
    nb_bulletin_release(&bl);
}

/* The error of the failing step, whole: file, line, column, message. */
static void test_errors_are_whole_messages(void **state)
{
    (void)state;
    struct nb_bulletin bl;
    struct nb_error err;
    char msg[2048];

    nb_bulletin_init(&bl);
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_script(&bl, FIXTURES "/missing.yaml", &err), NB_EINPUT);
    nb_error_format(&err, msg, sizeof(msg));
    assert_string_equal(msg, FIXTURES "/missing.yaml: cannot open: No such file or directory");
    nb_bulletin_release(&bl);

    char *dir = nb_test_tmpdir("bulletin_errors");
    char *bad = briefing_with(dir, "bad.yaml", "stories: many\n");
    nb_bulletin_init(&bl);
    assert_int_equal(nb_bulletin_script(&bl, bad, &err), NB_EINPUT);
    nb_error_format(&err, msg, sizeof(msg));
    char want[2048];
    snprintf(want, sizeof(want),
             "%s:6:10: 'stories' must be a whole number from 1 to 100, not 'many'", bad);
    assert_string_equal(msg, want);
    nb_bulletin_release(&bl);
    free(bad);
    free(dir);
}

static void write_text(const char *path, const char *text)
{
    struct nb_error err;
    if (nb_file_write_atomic(path, text, strlen(text), &err) != NB_OK)
        fail_msg("%s", err.message);
}

/* No source gave a story: one error at the briefing's entry of the first
 * that failed, naming it, in place of a warning for each; when a story
 * was read, each failure stays a warning. */
static void test_no_story_read(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bulletin_no_story");
    char empty[1200], blank[1200], path[1200], msg[2048], want[4096];
    snprintf(empty, sizeof(empty), "%s/empty.txt", dir);
    snprintf(blank, sizeof(blank), "%s/blank.txt", dir);
    write_text(empty, "");
    write_text(blank, "\n\n");
    snprintf(path, sizeof(path), "%s/one.yaml", dir);
    write_text(path, "title: T\nvoice: anchor\narticles:\n  - empty.txt\n");
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_script(&bl, path, &err), NB_EINPUT);
    snprintf(want, sizeof(want),
             "%s:4:5: no story could be read: '%s': the file is empty: an article needs a "
             "headline",
             path, empty);
    assert_string_equal(nb_error_format(&err, msg, sizeof(msg)), want);
    assert_int_equal(bl.warnings.n, 0);
    nb_bulletin_release(&bl);

    /* several: the first named, the others counted */
    snprintf(path, sizeof(path), "%s/three.yaml", dir);
    write_text(path, "title: T\narticles:\n  - {file: empty.txt, priority: 2}\n"
                     "  - {file: blank.txt, priority: 1}\n  - gone/*.txt\n");
    mkdir_p(dir, "gone");
    snprintf(want, sizeof(want), "%s/gone/x.txt", dir);
    write_text(want, "");
    nb_bulletin_init(&bl);
    assert_int_equal(nb_bulletin_script(&bl, path, &err), NB_EINPUT);
    /* read by priority: blank.txt first */
    snprintf(want, sizeof(want), "%s:4:12: no story could be read: '%s': ", path, blank);
    nb_error_format(&err, msg, sizeof(msg));
    assert_memory_equal(msg, want, strlen(want));
    assert_non_null(strstr(msg, " (and 2 more sources failed)"));
    assert_null(strchr(msg, '\n'));
    assert_int_equal(bl.warnings.n, 0);
    nb_bulletin_release(&bl);

    /* a story read: the failure is a warning, as before */
    snprintf(path, sizeof(path), "%s/some.yaml", dir);
    snprintf(want, sizeof(want), "title: T\narticles:\n  - empty.txt\n  - %s/articles/ferry.txt\n",
             FIXTURES);
    write_text(path, want);
    nb_bulletin_init(&bl);
    if (nb_bulletin_script(&bl, path, &err) != NB_OK)
        fail_msg("%s", err.message);
    assert_int_equal(bl.warnings.n, 1);
    snprintf(want, sizeof(want), "%s: the file is empty: an article needs a headline; skipped",
             empty);
    assert_string_equal(bl.warnings.v[0], want);
    nb_bulletin_release(&bl);
    free(dir);
}

/* A variant eSpeak NG lacks is said where the quote voice's profile
 * writes it, before any work (it once failed fitting, exit 1, at the
 * profile's espeak: line). */
static void test_unknown_variant(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bulletin_variant");
    mkdir_p(dir, "voices");
    char profile[1200], msg[2048], want[2048];
    snprintf(profile, sizeof(profile), "%s/voices/quoted.yaml", dir);
    write_text(profile, "espeak: en-gb\nvariants:\n  female: [f3]\n  male: [m3, mz]\n");
    char *path = briefing_with(dir, "b.yaml", "quote_voice: quoted\nduration: 1m\n");
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_script(&bl, path, &err), NB_EINPUT);
    snprintf(want, sizeof(want),
             "%s:4:14: 'male': eSpeak NG has no variant 'mz' (variants such as f3 or m7)", profile);
    assert_string_equal(nb_error_format(&err, msg, sizeof(msg)), want);
    nb_bulletin_release(&bl);
    free(path);
    free(dir);
}

/* A slot too short: the fitting error at the duration's position, said
 * once (the message was once written into itself: "'duration':
 * 'duration': ..."). */
static void test_duration_error_said_once(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bulletin_short");
    struct nb_bulletin bl;
    struct nb_error err;
    nb_error_init(&err);
    /* the shortest bulletin (intro, one story of one sentence, outro)
     * lasts longer than the slot: a long intro */
    char *path = briefing_with(dir, "short.yaml",
                               "duration: 30s\n"
                               "intro: \"Good evening. This is the Island Bulletin, the news from "
                               "the islands and the coast, read for you every evening of the "
                               "week by the team in the studio on the quay, with the weather, "
                               "the ferries, the harbour, the schools, the councils and the "
                               "markets, and everything else that happened today.\"\n");
    nb_bulletin_init(&bl);
    assert_int_equal(nb_bulletin_script(&bl, path, &err), NB_EINPUT);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 6);
    assert_int_equal(err.column, 11);
    double lasts = 0;
    char rest[256] = "";
    int got = sscanf(err.message,
                     "'duration': a bulletin of 30 s cannot be made: the shortest one (intro, "
                     "one story of one sentence, outro) lasts %lf s%255[^\n]",
                     &lasts, rest);
    if (got != 1)
        fail_msg("message: %s", err.message);
    assert_true(lasts > 31.5);
    char want[NB_ERROR_MSG_MAX];
    snprintf(want, sizeof(want),
             "'duration': a bulletin of 30 s cannot be made: the shortest one (intro, one story "
             "of one sentence, outro) lasts %.1f s",
             lasts);
    assert_string_equal(err.message, want);
    nb_bulletin_release(&bl);
    free(path);
    free(dir);
}

/* The bulletin's limit is held to the fitted script, not to the pool of
 * candidates fitting chooses from (a 3-minute slot over 100 articles
 * failed: "the script reaches 202,510 characters"): over the whole pool,
 * under the limit once fitted, the script is made; a limit under the
 * fitted script is said at the briefing's `limits:`. */
static void test_limit_holds_fitted_script(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bulletin_pool");
    struct nb_bulletin bl;
    struct nb_error err;
    /* the fitted script, and the pool (every sentence of both articles) */
    char *path = briefing_with(dir, "fit.yaml", "duration: 40s\n");
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    if (nb_bulletin_script(&bl, path, &err) != NB_OK)
        fail_msg("%s", err.message);
    size_t fitted = 0;
    for (size_t i = 0; i < bl.script.n; i++)
        fitted +=
            nb_limits_chars(bl.script.segments[i].spoken, strlen(bl.script.segments[i].spoken));
    nb_bulletin_release(&bl);
    free(path);
    path = briefing_with(dir, "pool.yaml", "stories: 20\nsentences: 50\n");
    nb_bulletin_init(&bl);
    if (nb_bulletin_script(&bl, path, &err) != NB_OK)
        fail_msg("%s", err.message);
    size_t pool = 0;
    for (size_t i = 0; i < bl.script.n; i++)
        pool += nb_limits_chars(bl.script.segments[i].spoken, strlen(bl.script.segments[i].spoken));
    nb_bulletin_release(&bl);
    free(path);
    assert_true(pool > fitted + 20);

    char extra[256];
    snprintf(extra, sizeof(extra), "duration: 40s\nlimits: {bulletin: %zu}\n", fitted + 10);
    path = briefing_with(dir, "room.yaml", extra);
    nb_bulletin_init(&bl);
    if (nb_bulletin_script(&bl, path, &err) != NB_OK)
        fail_msg("%s", err.message);
    nb_bulletin_release(&bl);
    free(path);

    snprintf(extra, sizeof(extra), "duration: 40s\nlimits: {bulletin: %zu}\n", fitted - 10);
    path = briefing_with(dir, "tight.yaml", extra);
    nb_bulletin_init(&bl);
    assert_int_equal(nb_bulletin_script(&bl, path, &err), NB_EINPUT);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 7);
    assert_non_null(strstr(err.message, "characters, more than the"));
    assert_non_null(strstr(err.message, "'limits: {bulletin: N}'"));
    nb_bulletin_release(&bl);
    free(path);
    free(dir);
}

/* Articles too short for the slot: the shorter bulletin, and a warning for
 * the front end to show (the library prints nothing). */
static void test_short_of_material_is_a_warning(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bulletin_warn");
    char *path = briefing_with(dir, "long.yaml", "duration: 5m\n");
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    if (nb_bulletin_script(&bl, path, &err) != NB_OK)
        fail_msg("%s", err.message);
    assert_int_equal(bl.fitted, 1);
    assert_int_equal(bl.fit.short_of_material, 1);
    assert_int_equal(bl.warnings.n, 1);
    char have[64], want[2048];
    double s = bl.fit.seconds;
    snprintf(have, sizeof(have), "%.1f s", s);
    snprintf(want, sizeof(want),
             "%s:6:11: the articles fill only %s of the 5 min 0.0 s slot; the bulletin is shorter "
             "(add articles, or raise 'stories' or 'sentences')",
             path, have);
    assert_string_equal(bl.warnings.v[0], want);
    nb_bulletin_release(&bl);
    free(path);
    free(dir);
}

/* Near-duplicates do not take places under the `stories` cap: three copies
 * of one story and one other story, capped at two, give two stories. */
static void test_duplicates_before_the_cap(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bulletin_dups");
    char text[2048], path[1024];
    struct nb_error err;
    nb_error_init(&err);
    size_t len;
    char *ferry = nb_test_fixture("bulletin/articles/ferry.txt", &len);
    for (int k = 1; k <= 3; k++) { /* the same story from three sources */
        snprintf(path, sizeof(path), "%s/ferry%d.txt", dir, k);
        if (nb_file_write_atomic(path, ferry, len, &err) != NB_OK)
            fail_msg("%s", err.message);
    }
    free(ferry);
    int n = snprintf(text, sizeof(text),
                     "title: Island Bulletin\n"
                     "date: 2026-11-30\n"
                     "stories: 2\n"
                     "articles:\n"
                     "  - %s/ferry1.txt\n"
                     "  - %s/ferry2.txt\n"
                     "  - %s/ferry3.txt\n"
                     "  - %s/articles/library.txt\n",
                     dir, dir, dir, FIXTURES);
    snprintf(path, sizeof(path), "%s/dups.yaml", dir);
    if (nb_file_write_atomic(path, text, (size_t)n, &err) != NB_OK)
        fail_msg("%s", err.message);
    struct nb_bulletin bl;
    nb_bulletin_init(&bl);
    if (nb_bulletin_script(&bl, path, &err) != NB_OK)
        fail_msg("%s", err.message);
    unsigned last = 0;
    for (size_t i = 0; i < bl.script.n; i++)
        if (bl.script.segments[i].story > last)
            last = bl.script.segments[i].story;
    assert_int_equal(last, 2);
    assert_int_equal(bl.narticles, 4); /* the copies were read, and skipped */
    nb_bulletin_release(&bl);
    free(dir);
}

static void test_build_to_a_folder(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bulletin_build");
    char out[1024];
    snprintf(out, sizeof(out), "%s/new/folder", dir);
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    if (nb_bulletin_build(&bl, FIXTURES "/briefing.yaml", out, &err) != NB_OK)
        fail_msg("%s", err.message);
    char want[1100];
    snprintf(want, sizeof(want), "%s/island-bulletin.wav", out);
    assert_string_equal(bl.output, want);
    assert_int_equal(bl.stories, 2);
    assert_true(bl.seconds > 10 && bl.seconds < 120);
    double got = nb_test_wav_seconds(bl.output);
    assert_true(got > bl.seconds - 0.001 && got < bl.seconds + 0.001);
    nb_bulletin_release(&bl);
    free(dir);
}

/* The samples of a mono 16-bit file. */
static int16_t *read_samples(const char *path, size_t *n)
{
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    assert_non_null(f);
    assert_int_equal(info.channels, 1);
    int16_t *s = malloc((size_t)info.frames * sizeof(*s) + 1);
    assert_non_null(s);
    *n = (size_t)sf_readf_short(f, s, info.frames);
    sf_close(f);
    return s;
}

/* A listener's own speed, and silence before and after. */
static void test_rate_and_lead_in(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bulletin_rate");
    struct nb_error err;
    nb_error_init(&err);
    double seconds[2];
    for (int fast = 0; fast < 2; fast++) {
        char *path = briefing_with(dir, fast ? "fast.yaml" : "plain.yaml",
                                   fast ? "rate: 300\npauses: {start: 1500ms, end: 3s}\n" : "");
        struct nb_bulletin bl;
        nb_bulletin_init(&bl);
        if (nb_bulletin_build(&bl, path, dir, &err) != NB_OK)
            fail_msg("%s", err.message);
        seconds[fast] = bl.seconds;
        for (size_t i = 0; i < bl.nvoices; i++)
            assert_int_equal(bl.voices[i].rate, fast ? 300 : bl.voices[i].rate);
        if (fast) {
            /* the first 1.5 s and the last 3 s are silent */
            size_t n, lead = 0, tail = 0;
            int16_t *pcm = read_samples(bl.output, &n);
            while (lead < n && pcm[lead] == 0)
                lead++;
            while (tail < n && pcm[n - 1 - tail] == 0)
                tail++;
            assert_true(lead >= 22050 * 3 / 2 && lead < 22050 * 3 / 2 + 22050 / 10);
            assert_true(tail >= 22050 * 3 && tail < 22050 * 3 + 22050 / 10);
            free(pcm);
        }
        nb_bulletin_release(&bl);
        free(path);
    }
    /* faster speech: shorter, though 4.5 s of silence were added */
    assert_true(seconds[1] < seconds[0] - 4.5);
    free(dir);
}

static void test_read_article_finds_quotes(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_read_article(&a, FIXTURES "/articles/library.txt", &err), NB_OK);
    assert_string_equal(a.headline, "Town library opens its doors on Sundays");
    assert_int_equal(a.nquotes, 1);
    assert_string_equal(a.quotes[0].speaker, "Aled Price");
    assert_string_equal(a.quotes[0].role, "the head librarian");
    nb_article_release(&a);

    char msg[1024];
    assert_int_equal(nb_bulletin_read_article(&a, FIXTURES "/articles/none.txt", &err), NB_EINPUT);
    nb_error_format(&err, msg, sizeof(msg));
    assert_string_equal(msg, FIXTURES "/articles/none.txt: cannot open: No such file or directory");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_script_in_one_call),
        cmocka_unit_test(test_errors_are_whole_messages),
        cmocka_unit_test(test_no_story_read),
        cmocka_unit_test(test_unknown_variant),
        cmocka_unit_test(test_duration_error_said_once),
        cmocka_unit_test(test_limit_holds_fitted_script),
        cmocka_unit_test(test_short_of_material_is_a_warning),
        cmocka_unit_test(test_duplicates_before_the_cap),
        cmocka_unit_test(test_build_to_a_folder),
        cmocka_unit_test(test_rate_and_lead_in),
        cmocka_unit_test(test_read_article_finds_quotes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
