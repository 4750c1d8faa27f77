/* Tests for bulletin/timeline: chapters and transcript cues from spans. */
#include "bulletin/timeline.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static void add(struct nb_script *s, enum nb_segment_kind kind, unsigned story, const char *text)
{
    struct nb_error err;
    if (nb_script_add(s, kind, story, kind == NB_SEG_QUOTE ? "correspondent" : "anchor", text, NULL,
                      "en-gb", &err) != NB_OK)
        fail_msg("%s", err.message);
}

static void test_chapters(void **state)
{
    (void)state;
    struct nb_script s;
    nb_script_init(&s);
    add(&s, NB_SEG_INTRO, 0, "Good evening.");
    add(&s, NB_SEG_TRANSITION, 1, "First, the tunnel.");
    add(&s, NB_SEG_STORY, 1, "The tunnel opens.");
    add(&s, NB_SEG_QUOTE, 1, "We are proud.");
    add(&s, NB_SEG_TRANSITION, 2, "Finally, fog.");
    add(&s, NB_SEG_STORY, 2, "\xf0\x9f\x8c\xab"); /* nothing spoken */
    add(&s, NB_SEG_OUTRO, 0, "Goodnight.");
    const struct nb_render_span spans[] = {
        {100, 1000},  {2000, 3000}, {3200, 5000},   {5600, 7000},
        {8000, 9000}, {9000, 9000}, {10000, 11000},
    };
    struct nb_timeline t;
    nb_timeline_init(&t, 1000);
    struct nb_error err;
    const char *titles[] = {"Tunnel opens", NULL};
    assert_int_equal(nb_timeline_chapters(&t, &s, spans, 12000, titles, 2, &err), NB_OK);
    assert_int_equal(t.nchapters, 4);
    assert_string_equal(t.chapters[0].title, "Introduction");
    assert_int_equal(t.chapters[0].from, 0);
    /* halfway through the pause before the story */
    assert_int_equal(t.chapters[1].from, 1500);
    assert_string_equal(t.chapters[1].title, "Tunnel opens");
    assert_int_equal(t.chapters[1].story, 1);
    assert_int_equal(t.chapters[2].from, 7500);
    assert_string_equal(t.chapters[2].title, "Story 2"); /* no title given */
    assert_int_equal(t.chapters[3].from, 9500);
    assert_string_equal(t.chapters[3].title, "Closing");
    assert_int_equal(t.chapters[3].to, 12000);
    assert_true(t.chapters[1].start > 1.49 && t.chapters[1].start < 1.51);
    for (size_t i = 0; i + 1 < t.nchapters; i++)
        assert_int_equal(t.chapters[i].to, t.chapters[i + 1].from);
    nb_timeline_release(&t);
    nb_script_release(&s);
}

static void test_cues(void **state)
{
    (void)state;
    struct nb_script s;
    nb_script_init(&s);
    add(&s, NB_SEG_STORY, 1, "Costs rose to £4m. Work stopped.");
    add(&s, NB_SEG_QUOTE, 1, "We will finish it.");
    struct nb_error err;
    assert_int_equal(nb_script_set_speaker(&s, 1, "Aileen Gray", &err), NB_OK);
    struct nb_timeline t;
    nb_timeline_init(&t, 22050);
    /* the spoken form says "four million pounds"; the cue shows the text */
    assert_int_equal(nb_timeline_add_sentence(&t, &s, 0, 0, "Costs rose to four million pounds.",
                                              22050, 44100, &err),
                     NB_OK);
    assert_int_equal(nb_timeline_add_sentence(&t, &s, 0, 1, "Work stopped.", 50000, 60000, &err),
                     NB_OK);
    assert_int_equal(
        nb_timeline_add_sentence(&t, &s, 1, 0, "We will finish it.", 70000, 80000, &err), NB_OK);
    assert_int_equal(t.ncues, 3);
    assert_string_equal(t.cues[0].text, "Costs rose to £4m.");
    assert_true(t.cues[0].start > 0.999 && t.cues[0].start < 1.001);
    assert_null(t.cues[0].speaker);
    assert_string_equal(t.cues[2].speaker, "Aileen Gray");
    assert_int_equal(t.cues[2].story, 1);
    nb_timeline_release(&t);

    /* plain text, no stories: one chapter for the whole */
    nb_script_release(&s);
    nb_script_init(&s);
    add(&s, NB_SEG_STORY, 0, "Hello.");
    const struct nb_render_span one[] = {{0, 500}};
    nb_timeline_init(&t, 1000);
    assert_int_equal(nb_timeline_chapters(&t, &s, one, 800, NULL, 0, &err), NB_OK);
    assert_int_equal(t.nchapters, 1);
    assert_string_equal(t.chapters[0].title, "Start");
    nb_timeline_release(&t);
    nb_script_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chapters),
        cmocka_unit_test(test_cues),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
